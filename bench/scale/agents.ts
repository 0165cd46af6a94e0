import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import type { HttpClient } from './http';
import type { PhaseStats } from './stats';

export interface AgentIdentity {
  email: string;
  token: string;
  role: 'learner' | 'author' | 'reviewer' | 'admin';
  team: string | undefined;
}

interface ParsedPage {
  items: { id: string; version: number }[];
  apps: unknown[];
  deleted: { kind: string; id: string }[];
  cursor: string;
  more: boolean;
}

/**
 * Identical bytes parse to identical pages: agents of one audience receive the same page, so the
 * parse is shared by the body's hash (each agent still applies it to its own state). This keeps
 * the load generator's CPU for sending requests; the bytes themselves are still checked.
 */
const parsed = new Map<string, ParsedPage>();
function parse(body: Buffer, encoding: string | undefined): ParsedPage {
  const key = createHash('sha1').update(body).digest('base64');
  let page = parsed.get(key);
  if (page === undefined) {
    const text = (encoding === 'br' ? brotliDecompressSync(body) : body).toString('utf8');
    const json = JSON.parse(text) as ParsedPage;
    page = {
      ...json,
      items: json.items.map((i) => ({ id: i.id, version: i.version })),
      apps: [],
    };
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(key, page);
  }
  return page;
}

/** One simulated extension: its own cursor, ETag and synced items (id → version). */
export class SimulatedAgent {
  cursor: string | undefined;
  etag: string | undefined;
  readonly items = new Map<string, number>();

  constructor(readonly identity: AgentIdentity) {}

  /**
   * One sync, as the extension runs it: pages until `more` is false, sending the last ETag; an
   * idle sync is one request answered 304. Returns the number of requests.
   */
  async sync(http: HttpClient, stats: PhaseStats): Promise<number> {
    for (let requests = 1; ; requests++) {
      const query = `limit=200${this.cursor === undefined ? '' : `&cursor=${encodeURIComponent(this.cursor)}`}`;
      // As the extension's fetch does: compressed pages (the server caches them encoded).
      const headers: Record<string, string> = {
        authorization: `Bearer ${this.identity.token}`,
        'accept-encoding': 'br',
      };
      if (this.etag !== undefined) headers['if-none-match'] = this.etag;
      let reply;
      try {
        reply = await http.call('GET', `/v1/feed?${query}`, headers);
      } catch {
        stats.errors += 1;
        return requests;
      }
      stats.record(reply.status === 304 ? 'feed 304' : 'feed 200', reply.status, reply.ms);
      if (reply.status === 410) {
        // A spurious resync: counted, and the agent starts over as the extension would.
        [this.cursor, this.etag] = [undefined, undefined];
        this.items.clear();
        return requests;
      }
      if (reply.status !== 200) return requests;
      const page = parse(reply.body, reply.encoding);
      for (const item of page.items) this.items.set(item.id, item.version);
      for (const gone of page.deleted) if (gone.kind === 'item') this.items.delete(gone.id);
      this.cursor = page.cursor;
      this.etag = reply.etag;
      if (!page.more) return requests;
    }
  }
}

/** Runs `work` for each agent at a uniformly random moment within `seconds`, waiting for all. */
export async function spread<T>(
  agents: T[],
  seconds: number,
  work: (agent: T) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    agents.map(
      (agent) =>
        new Promise<void>((resolve) => {
          setTimeout(() => void work(agent).finally(resolve), Math.random() * seconds * 1000);
        }),
    ),
  );
}
