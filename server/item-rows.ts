import type { Item } from '@/lib/content-model';
import type { Db } from './db';

/** An item's stored head (the newest version, whatever its status) and its live copy. */
export interface ItemHead {
  item: Item;
  body: string;
  seq: number;
  deleted: boolean;
  /** The copy learners see (the last published one), if any. */
  live: Item | undefined;
}

export function readItemHead(db: Db, id: string): ItemHead | undefined {
  const row = db.prepare('SELECT body, seq, deleted, live_body FROM items WHERE id = ?').get(id) as
    { body: string; seq: number; deleted: number; live_body: string | null } | undefined;
  if (row === undefined) return undefined;
  return {
    item: JSON.parse(row.body) as Item,
    body: row.body,
    seq: row.seq,
    deleted: row.deleted === 1,
    live: row.live_body === null ? undefined : (JSON.parse(row.live_body) as Item),
  };
}

/**
 * Writes `item` as the item's head at `seq` and appends its immutable version row. The caller
 * runs this inside its transaction, after checking the version. The live copy follows the
 * status: published replaces it, archived removes it; a draft or review either keeps the last
 * published copy live (`keepLive`, the governed edit) or takes it down (a plain store write).
 */
export function writeItemRow(
  db: Db,
  item: Item,
  seq: number,
  write: { author: string | undefined; at: Date; keepLive: boolean },
): void {
  const { author, keepLive } = write;
  const body = JSON.stringify(item);
  const teams = JSON.stringify(item.targeting.teams);
  const published = item.status === 'published';
  const keep = keepLive && (item.status === 'draft' || item.status === 'in_review') ? 1 : 0;
  db.prepare(
    `INSERT INTO items (id, type, status, teams, body, version, seq, deleted, live_body, live_teams)
     VALUES (@id, @type, @status, @teams, @body, @version, @seq, 0, @live_body, @live_teams)
     ON CONFLICT (id) DO UPDATE SET type = @type, status = @status, teams = @teams,
       body = @body, version = @version, seq = @seq, deleted = 0,
       live_body = CASE WHEN @keep = 1 THEN live_body ELSE @live_body END,
       live_teams = CASE WHEN @keep = 1 THEN live_teams ELSE @live_teams END`,
  ).run({
    id: item.id,
    type: item.type,
    status: item.status,
    teams,
    body,
    version: item.version,
    seq,
    keep,
    live_body: published ? body : null,
    live_teams: published ? teams : null,
  });
  db.prepare(
    'INSERT INTO item_versions (id, version, body, created_at, author) VALUES (?, ?, ?, ?, ?)',
  ).run(item.id, item.version, body, write.at.toISOString(), author ?? null);
}

/** One stored version of an item, as it was written. */
export function readVersion(db: Db, id: string, version: number): Item | undefined {
  const row = db
    .prepare('SELECT body FROM item_versions WHERE id = ? AND version = ?')
    .get(id, version) as { body: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.body) as Item);
}
