import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { FEED_PAGE_DEFAULT_LIMIT, FEED_PAGE_MAX_LIMIT } from '@/lib/content-model';
import { buildFeedPage, CursorExpiredError, decodeCursor } from './feed-page';
import { jsonError, type ServerEnv } from './http';
import type { Store } from './store';

/** `limit` from the query: absent → the default; anything but an integer in range → undefined. */
function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return FEED_PAGE_DEFAULT_LIMIT;
  if (!/^[0-9]{1,5}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit >= 1 && limit <= FEED_PAGE_MAX_LIMIT ? limit : undefined;
}

/**
 * The ETag names everything the page depends on: the database (epoch) and its last change, the
 * caller's visibility (role, team) and the request (cursor, limit). Any change to one is a new
 * tag, so it can be computed, and a 304 answered, without building the page.
 */
function etagOf(parts: (string | number)[]): string {
  return `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22)}"`;
}

/** If-None-Match holds `tag` (weak comparison: a compressed response carries W/"…"). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

/** `GET /v1/feed?cursor=C&limit=N` */
export function feedHandler(store: Store) {
  return (c: Context<ServerEnv>): Response => {
    const limit = parseLimit(c.req.query('limit'));
    if (limit === undefined)
      return jsonError(
        c,
        400,
        'bad_request',
        `limit: must be an integer from 1 to ${FEED_PAGE_MAX_LIMIT}`,
      );
    const cursor = c.req.query('cursor');
    let afterSeq: number;
    try {
      afterSeq = decodeCursor(store, cursor);
    } catch (error) {
      if (error instanceof CursorExpiredError)
        return jsonError(c, 410, 'cursor_expired', error.message);
      throw error;
    }
    const user = c.get('user');
    const lastSeq = store.lastSeq();
    const audience = [store.epoch, lastSeq, user.role, user.team ?? ''];
    // A caller at the head gets the "caught up" tag, the same one the last page of its previous
    // sync carried: an idle sync is one request answered 304. Other requests get their own tag.
    const headTag = etagOf([...audience, 'head']);
    const requestTag = afterSeq >= lastSeq ? headTag : etagOf([...audience, cursor ?? '', limit]);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Authorization, Accept-Encoding');
    const ifNoneMatch = c.req.header('If-None-Match');
    if (matches(ifNoneMatch, requestTag)) {
      c.header('ETag', requestTag);
      return c.body(null, 304);
    }
    const page = buildFeedPage(store, user, afterSeq, limit);
    // A page that reaches the head is, for its URL too, the "caught up" representation.
    const tag = page.more ? requestTag : headTag;
    c.header('ETag', tag);
    if (matches(ifNoneMatch, tag)) return c.body(null, 304);
    return c.json(page);
  };
}
