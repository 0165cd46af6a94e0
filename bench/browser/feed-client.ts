/**
 * The sync bench's time baseline: a plain client that follows the content server's feed
 * (`GET /v1/feed?cursor=&limit=`) with Node's fetch and parses each page, keeping nothing but
 * the cursor and ETag: no validation, no IndexedDB, no search index.
 */
export interface FeedRun {
  requests: number;
  statuses: number[];
  items: number;
  /** Bytes of the items read, as one JSON array (what they weigh with no envelope or encoding). */
  itemsJsonBytes: number;
  /** Items on the last page with any (the "last page" a search figure asks for). */
  lastPageItems: { id: string; title: string }[];
  ms: number;
}

export interface PlainFeedClient {
  /** From the stored cursor (from zero the first time), following `more` to the end. */
  follow(): Promise<FeedRun>;
  readonly cursor: string | undefined;
}

interface PageLike {
  items: { id: string; title: string }[];
  cursor: string;
  more: boolean;
}

export function plainFeedClient(options: {
  baseUrl: string;
  token: string;
  limit: number;
  acceptEncoding: string;
}): PlainFeedClient {
  let cursor: string | undefined;
  let etag: string | undefined;
  return {
    get cursor() {
      return cursor;
    },
    async follow() {
      const started = performance.now();
      const statuses: number[] = [];
      let items = 0;
      let itemBytes = 0;
      let lastPageItems: FeedRun['lastPageItems'] = [];
      for (;;) {
        const query = new URLSearchParams({ limit: String(options.limit) });
        if (cursor !== undefined) query.set('cursor', cursor);
        const headers: Record<string, string> = {
          Authorization: `Bearer ${options.token}`,
          Accept: 'application/json',
          'Accept-Encoding': options.acceptEncoding,
        };
        if (etag !== undefined) headers['If-None-Match'] = etag;
        const res = await fetch(`${options.baseUrl}/v1/feed?${query.toString()}`, { headers });
        statuses.push(res.status);
        if (res.status === 304) {
          await res.arrayBuffer();
          break;
        }
        if (!res.ok) throw new Error(`feed answered ${res.status}: ${await res.text()}`);
        const page = (await res.json()) as PageLike;
        items += page.items.length;
        for (const item of page.items) itemBytes += Buffer.byteLength(JSON.stringify(item));
        if (page.items.length > 0)
          lastPageItems = page.items.map(({ id, title }) => ({ id, title }));
        // Like the extension: an ETag only describes the request for an unchanged cursor.
        etag = page.cursor === cursor ? (res.headers.get('etag') ?? undefined) : undefined;
        cursor = page.cursor;
        if (!page.more) break;
      }
      return {
        requests: statuses.length,
        statuses,
        items,
        // Brackets and commas of one array holding them all.
        itemsJsonBytes: items === 0 ? 2 : itemBytes + items + 1,
        lastPageItems,
        ms: performance.now() - started,
      };
    },
  };
}
