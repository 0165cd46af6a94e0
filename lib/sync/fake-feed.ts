import type { AppDefinition, FeedPage, Me, StaticHead } from '@/lib/content-model';
import type { Fetch } from './types';

/**
 * Test-only: a tiny in-memory Waymark feed server used as `fetch`, with faults injected on demand.
 * The log keeps one entry per object (a change moves it to the end), like a server's change feed
 * ordered by its own sequence; cursors are `c<seq>`.
 */
export type Fault =
  | 'network'
  | 'truncated'
  | 'html'
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Deliver again the page delivered `replay` pages ago (1 = the last one): duplicates, out of order. */
  | { replay: number }
  /** Answer only once `gate` settles (the run pauses mid-way); `reached` says it got there. */
  | { gate: Promise<void>; reached?: () => void };

type Entry =
  | { seq: number; key: string; kind: 'item'; value: unknown }
  | { seq: number; key: string; kind: 'app'; value: AppDefinition }
  | { seq: number; key: string; kind: 'deleted'; value: { kind: 'item' | 'app'; id: string } };

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });

export class FakeFeed {
  token = 'secret';
  me: unknown = {
    service: 'waymark',
    email: 'ana@example.com',
    role: 'learner',
    team: 'support',
  } satisfies Me;
  pageSize = 2;
  /** Cursors that answer 410 (the server compacted the tombstones they would need). */
  readonly expired = new Set<string>();
  readonly requests: { url: string; init: RequestInit | undefined }[] = [];
  readonly delivered: string[] = [];
  private entries: Entry[] = [];
  private seq = 0;
  private faults: Fault[] = [];
  private statics = new Map<string, string>();

  /** Publishes items as given (raw, so tests can publish invalid ones). */
  putItems(...items: unknown[]): this {
    for (const value of items)
      this.append({ kind: 'item', key: `item:${(value as { id: string }).id}`, value });
    return this;
  }

  putApps(...apps: AppDefinition[]): this {
    for (const value of apps) this.append({ kind: 'app', key: `app:${value.id}`, value });
    return this;
  }

  delete(kind: 'item' | 'app', id: string): this {
    this.append({ kind: 'deleted', key: `${kind}:${id}`, value: { kind, id } });
    return this;
  }

  failNext(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  feedRequests(): URL[] {
    return this.requests.map((r) => new URL(r.url)).filter((u) => u.pathname === '/v1/feed');
  }

  private append(entry: Omit<Entry, 'seq'>): void {
    this.seq += 1;
    this.entries = this.entries.filter((e) => e.key !== entry.key);
    this.entries.push({ ...entry, seq: this.seq } as Entry);
  }

  /** The page after `after` (a seq), as the real server would write it. */
  page(after: number, limit = this.pageSize): FeedPage {
    const rest = this.entries.filter((e) => e.seq > after);
    const chosen = rest.slice(0, limit);
    const last = chosen.at(-1)?.seq ?? Math.max(after, this.seq);
    return {
      items: chosen.filter((e) => e.kind === 'item').map((e) => e.value),
      apps: chosen.filter((e) => e.kind === 'app').map((e) => e.value),
      deleted: chosen.flatMap((e) => (e.kind === 'deleted' ? [e.value] : [])),
      cursor: `c${last}`,
      more: rest.length > chosen.length,
    };
  }

  private head: StaticHead | undefined;

  /**
   * Writes the feed as a static export under `/static/`: head.json + pages/N.json. Like the real
   * exporter (docs/static-feed.md), a later export keeps the earlier entries and adds a full chain
   * from zero next to a delta chain from the previous head's cursor.
   */
  exportStatic(): StaticHead {
    const pages = [...(this.head?.pages ?? [])];
    const chain = (from: number) => {
      let after = from;
      for (let page = this.page(after); page.cursor !== `c${after}`; page = this.page(after)) {
        const file = `pages/${pages.length}-${after}.json`;
        this.statics.set(file, JSON.stringify({ ...page, more: false }));
        pages.push({ after: after === 0 ? '' : `c${after}`, file });
        after = Number(page.cursor.slice(1));
      }
      return after;
    };
    const previous = this.head === undefined ? undefined : Number(this.head.cursor.slice(1));
    const end = chain(0);
    if (previous !== undefined) chain(previous);
    this.head = {
      format: 'waymark-static-feed',
      version: 1,
      audience: { role: 'learner', team: null },
      cursor: `c${end}`,
      pages,
    };
    this.statics.set('head.json', JSON.stringify(this.head));
    return this.head;
  }

  readonly fetch: Fetch = async (input, init) => {
    this.requests.push({ url: input, init });
    const url = new URL(input);
    const fault = url.pathname === '/v1/feed' ? this.faults.shift() : undefined;
    if (fault !== undefined && typeof fault === 'object' && 'gate' in fault) {
      fault.reached?.();
      await fault.gate;
    }
    if (fault === 'network') throw new TypeError('fetch failed');
    if (url.pathname === '/healthz') return new Response('ok');
    if (url.pathname.startsWith('/static/')) return this.staticFile(url.pathname.slice(8));
    const auth = new Headers(init?.headers).get('authorization');
    if (auth !== `Bearer ${this.token}`)
      return new Response('{"error":"unauthorized"}', { status: 401 });
    if (url.pathname === '/v1/me') return json(this.me);
    if (url.pathname === '/v1/feed') return this.feed(url, new Headers(init?.headers), fault);
    return new Response('not found', { status: 404 });
  };

  private staticFile(path: string): Response {
    const body = this.statics.get(path);
    return body === undefined ? new Response('not found', { status: 404 }) : json(JSON.parse(body));
  }

  private feed(url: URL, headers: Headers, fault: Fault | undefined): Response {
    if (fault === 'html')
      return new Response('<!doctype html><title>Hotel Wi-Fi</title><form>Log in</form>', {
        headers: { 'content-type': 'text/html' },
      });
    if (typeof fault === 'object' && 'status' in fault)
      return new Response(fault.body ?? null, { status: fault.status, headers: fault.headers });
    if (typeof fault === 'object' && 'replay' in fault)
      return json(JSON.parse(this.delivered.at(-fault.replay)!));
    const cursor = url.searchParams.get('cursor');
    const after = Number((cursor ?? 'c0').slice(1));
    if (cursor !== null && this.expired.has(cursor))
      return new Response('{"error":"cursor expired"}', { status: 410 });
    const etag = `"${after}-${this.seq}"`;
    if (headers.get('if-none-match') === etag) return new Response(undefined, { status: 304 });
    const body = JSON.stringify(
      this.page(after, Number(url.searchParams.get('limit') ?? this.pageSize)),
    );
    this.delivered.push(body);
    if (fault === 'truncated')
      return new Response(body.slice(0, body.length >> 1), {
        headers: { 'content-type': 'application/json' },
      });
    return json(JSON.parse(body), { etag });
  }
}
