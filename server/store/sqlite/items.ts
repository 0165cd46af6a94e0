import { appSchema, itemSchema, type Item } from '@/lib/content-model';
import { nextItemRow, type ItemRow } from '../item-row';
import { planItemUpsert } from '../plans';
import type { VersionInfo } from '../types';
import { nextSeq, type Db } from './database';

interface RawItem {
  id: string;
  type: string;
  status: string;
  teams: string;
  body: string;
  version: number;
  seq: number;
  deleted: number;
  live_body: string | null;
  live_teams: string | null;
  seen_public: number;
  seen_teams: string;
}

export type StoredItem = ItemRow & { seq: number };

export function readItem(db: Db, id: string): StoredItem | undefined {
  const raw = db.prepare('SELECT * FROM items WHERE id = ?').get(id) as RawItem | undefined;
  if (raw === undefined) return undefined;
  return {
    ...raw,
    deleted: raw.deleted === 1,
    live_body: raw.live_body ?? undefined,
    live_teams: raw.live_teams ?? undefined,
    seen_public: raw.seen_public === 1,
  };
}

/**
 * Writes `row` as the item's head at the next sequence number and appends its immutable version
 * row. The caller runs this inside its transaction, after checking the version.
 */
export function writeItem(
  db: Db,
  row: ItemRow,
  version: { author: string | undefined; at: Date },
): number {
  db.prepare(
    'INSERT INTO item_versions (id, version, body, created_at, author) VALUES (?, ?, ?, ?, ?)',
  ).run(row.id, row.version, row.body, version.at.toISOString(), version.author ?? null);
  const seq = nextSeq(db);
  db.prepare(
    `INSERT INTO items (id, type, status, teams, body, version, seq, deleted, live_body,
       live_teams, seen_public, seen_teams)
     VALUES (@id, @type, @status, @teams, @body, @version, @seq, 0, @live_body, @live_teams,
       @seen_public, @seen_teams)
     ON CONFLICT (id) DO UPDATE SET type = @type, status = @status, teams = @teams, body = @body,
       version = @version, seq = @seq, deleted = 0, live_body = @live_body,
       live_teams = @live_teams, seen_public = @seen_public, seen_teams = @seen_teams`,
  ).run({
    ...row,
    seq,
    live_body: row.live_body ?? null,
    live_teams: row.live_teams ?? null,
    seen_public: row.seen_public ? 1 : 0,
  });
  return seq;
}

/** A plain write (seed, tests): the whole truth, so a draft here takes any live copy down. */
export function upsertItem(db: Db, input: unknown, author: string | undefined, at: Date): number {
  const item = itemSchema.parse(input);
  const body = JSON.stringify(item);
  const current = readItem(db, item.id);
  const plan = planItemUpsert(
    current && { body: current.body, deleted: current.deleted, version: current.version },
    item,
    body,
  );
  if (plan === 'unchanged' && current !== undefined) return current.seq;
  return writeItem(db, nextItemRow(item, current, false), { author, at });
}

export function upsertApp(db: Db, input: unknown): number {
  const app = appSchema.parse(input);
  const body = JSON.stringify(app);
  const current = db.prepare('SELECT body, seq, deleted FROM apps WHERE id = ?').get(app.id) as
    { body: string; seq: number; deleted: number } | undefined;
  if (current !== undefined && current.deleted === 0 && current.body === body) return current.seq;
  const seq = nextSeq(db);
  db.prepare(
    `INSERT INTO apps (id, body, seq, deleted) VALUES (?, ?, ?, 0)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, seq = excluded.seq, deleted = 0`,
  ).run(app.id, body, seq);
  return seq;
}

export function tombstone(db: Db, table: 'items' | 'apps', id: string): boolean {
  const row = db.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).get(id) as
    { deleted: number } | undefined;
  if (row === undefined || row.deleted === 1) return false;
  db.prepare(`UPDATE ${table} SET deleted = 1, seq = ? WHERE id = ?`).run(nextSeq(db), id);
  return true;
}

export function itemBodies(db: Db, column: 'body' | 'live_body'): Item[] {
  const rows = db
    .prepare(
      `SELECT ${column} AS body FROM items WHERE deleted = 0 AND ${column} IS NOT NULL ORDER BY id`,
    )
    .all() as { body: string }[];
  return rows.map((r) => JSON.parse(r.body) as Item);
}

export function itemVersion(db: Db, id: string, version: number): Item | undefined {
  const row = db
    .prepare('SELECT body FROM item_versions WHERE id = ? AND version = ?')
    .get(id, version) as { body: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.body) as Item);
}

export function itemVersions(db: Db, id: string): VersionInfo[] {
  const rows = db
    .prepare(
      'SELECT version, body, author, created_at FROM item_versions WHERE id = ? ORDER BY version',
    )
    .all(id) as { version: number; body: string; author: string | null; created_at: string }[];
  return rows.map((r) => ({
    version: r.version,
    status: (JSON.parse(r.body) as Item).status,
    author: r.author ?? undefined,
    created_at: r.created_at,
  }));
}
