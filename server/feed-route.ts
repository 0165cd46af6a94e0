import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { FEED_PAGE_DEFAULT_LIMIT, FEED_PAGE_MAX_LIMIT } from '@/lib/content-model';
import { chooseEncoding, COMPRESS_THRESHOLD, encode } from './compress';
import { CursorExpiredError, decodeCursor } from './feed-cursor';
import { jsonError, type ServerEnv } from './http';
import { PageCache, type CachedPage } from './page-cache';
import type { Store, User } from './store';

/** `limit` from the query: absent → the default; anything but an integer in range → undefined. */
function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return FEED_PAGE_DEFAULT_LIMIT;
  if (!/^[0-9]{1,5}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit >= 1 && limit <= FEED_PAGE_MAX_LIMIT ? limit : undefined;
}

const hash = (parts: (string | number)[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

/**
 * The ETag names everything the page depends on: the database (epoch) and its last change, the
 * caller's visibility (role, team) and the request (cursor, limit). Any change to one is a new
 * tag, so it can be computed, and a 304 answered, without reading the database. A caller at the
 * head gets the "caught up" tag, the same one the last page of its previous sync carried: an idle
 * sync is one request answered 304. Every instance computes the same tags.
 */
function tagsFor(store: Store, user: User, lastSeq: number, request: (string | number)[]) {
  const audience = [store.epoch, lastSeq, user.role, user.team ?? ''];
  const head = `"${hash([...audience, 'head'])}"`;
  return { head, request: `"${hash([...audience, ...request])}"` };
}

/** If-None-Match holds `tag` (weak comparison: a compressed response carries W/"…"). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

/** `GET /v1/feed?cursor=C&limit=N`, answered from the page cache when it can be. */
export function feedHandler(store: Store, cache = new PageCache()) {
  return async (c: Context<ServerEnv>): Promise<Response> => {
    const limit = parseLimit(c.req.query('limit'));
    if (limit === undefined)
      return jsonError(
        c,
        400,
        'bad_request',
        `limit: must be an integer from 1 to ${FEED_PAGE_MAX_LIMIT}`,
      );
    const cursor = c.req.query('cursor') ?? '';
    let afterSeq: number;
    try {
      afterSeq = await decodeCursor(store, cursor);
    } catch (error) {
      if (error instanceof CursorExpiredError)
        return jsonError(c, 410, 'cursor_expired', error.message);
      throw error;
    }
    const user = c.get('user');
    const lastSeq = await store.lastSeq();
    const tags = tagsFor(store, user, lastSeq, [cursor, limit]);
    const requestTag = afterSeq >= lastSeq ? tags.head : tags.request;
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Authorization, Accept-Encoding');
    const ifNoneMatch = c.req.header('If-None-Match');
    if (matches(ifNoneMatch, requestTag)) {
      c.header('ETag', requestTag);
      return c.body(null, 304);
    }
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    const key = [store.epoch, lastSeq, user.role, user.team ?? '', cursor, limit, encoding ?? ''];
    const page = await cache.get(key.join('\u0000'), () =>
      buildPage(store, user, { afterSeq, limit, cursor }, encoding),
    );
    return send(c, page, ifNoneMatch);
  };
}

/** Reads, serialises and encodes one page; its tag is computed at the snapshot's sequence. */
async function buildPage(
  store: Store,
  user: User,
  request: { afterSeq: number; limit: number; cursor: string },
  encoding: 'br' | 'gzip' | undefined,
): Promise<CachedPage> {
  const { json, more, lastSeq } = await store.feedPage(user, request.afterSeq, request.limit);
  const tags = tagsFor(store, user, lastSeq, [request.cursor, request.limit]);
  // A page that reaches the head is, for its URL too, the "caught up" representation.
  const tag = more ? tags.request : tags.head;
  const plain = Buffer.from(json);
  if (encoding === undefined || plain.length < COMPRESS_THRESHOLD)
    return { tag, body: plain, encoding: undefined, seq: lastSeq };
  return { tag, body: await encode(plain, encoding), encoding, seq: lastSeq };
}

function send(c: Context<ServerEnv>, page: CachedPage, ifNoneMatch: string | undefined) {
  const etag = page.encoding === undefined ? page.tag : `W/${page.tag}`;
  c.header('ETag', etag);
  if (matches(ifNoneMatch, page.tag)) return c.body(null, 304);
  c.set('encoded', true);
  c.header('Content-Type', 'application/json');
  c.header('Content-Length', String(page.body.length));
  if (page.encoding !== undefined) c.header('Content-Encoding', page.encoding);
  // A view of the cached bytes, not a copy.
  return c.body(page.body as Uint8Array<ArrayBuffer>, 200);
}
