import { FEED_PAGE_MAX_BYTES, type FeedPage, type Tombstone } from '@/lib/content-model';
import type { FeedRow, Store } from './store';
import type { User } from './users';

/** Who a feed is built for: a signed-in user, or an audience of a static export. */
export type Audience = Pick<User, 'role' | 'team'>;

/** The client's cursor cannot be continued: another database, garbage, or from the future. */
export class CursorExpiredError extends Error {}

/** Cursors are `<epoch>.<seq>`: opaque to clients, but tied to one database by its epoch. */
export function encodeCursor(epoch: string, seq: number): string {
  return `${epoch}.${seq}`;
}

/** The sequence number a cursor continues from (0 for no cursor). */
export function decodeCursor(store: Store, cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^([A-Za-z0-9_-]{1,64})\.(0|[1-9][0-9]{0,15})$/.exec(cursor);
  if (match === null)
    throw new CursorExpiredError('the cursor is malformed; start again from zero');
  if (match[1] !== store.epoch)
    throw new CursorExpiredError('the cursor belongs to another database; start again from zero');
  const seq = Number(match[2]);
  if (seq > store.lastSeq())
    throw new CursorExpiredError('the cursor is ahead of this database; start again from zero');
  return seq;
}

/**
 * Learners see the live (last published) copy of an item, for everyone or for their team;
 * authors, reviewers and admins see the head of every item, whatever its status and team (they
 * author and review them). Apps are visible to everyone.
 */
export function isVisible(row: FeedRow, audience: Audience): boolean {
  if (row.deleted) return false;
  if (row.kind === 'app' || audience.role !== 'learner') return true;
  if (row.liveBody === undefined) return false;
  return (
    row.liveTeams.length === 0 ||
    (audience.team !== undefined && row.liveTeams.includes(audience.team))
  );
}

/** The JSON an audience gets for a visible row: learners the live copy, the others the head. */
export function bodyFor(row: FeedRow, audience: Audience): string {
  return row.kind === 'item' && audience.role === 'learner' ? (row.liveBody ?? row.body) : row.body;
}

/** Bytes of the page envelope and of the separators between entries, on top of the entries. */
const ENVELOPE_BYTES = 256;

/**
 * One feed page: rows after `afterSeq` in sequence order, at most `limit` of them and at most
 * about FEED_PAGE_MAX_BYTES of JSON (always at least one row, so a huge item still gets through).
 * Each row is either a whole object or a tombstone, so every change a client missed reaches it.
 */
export function buildFeedPage(
  store: Store,
  audience: Audience,
  afterSeq: number,
  limit: number,
): FeedPage {
  const lastSeq = store.lastSeq();
  const items: unknown[] = [];
  const apps: unknown[] = [];
  const deleted: Tombstone[] = [];
  let bytes = ENVELOPE_BYTES;
  let count = 0;
  let cursorSeq = afterSeq;
  for (const row of store.rowsAfter(afterSeq)) {
    if (count >= limit) break;
    const visible = isVisible(row, audience);
    const body = visible ? bodyFor(row, audience) : '';
    const size = visible ? Buffer.byteLength(body) + 1 : row.id.length + 30;
    if (count > 0 && bytes + size > FEED_PAGE_MAX_BYTES) break;
    if (!visible) deleted.push({ kind: row.kind, id: row.id });
    else (row.kind === 'item' ? items : apps).push(JSON.parse(body));
    bytes += size;
    count += 1;
    cursorSeq = row.seq;
  }
  return {
    items,
    apps,
    deleted,
    cursor: encodeCursor(store.epoch, cursorSeq),
    more: cursorSeq < lastSeq,
  };
}
