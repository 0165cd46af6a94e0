import { appSchema, itemSchema, type Item } from '@/lib/content-model';
import { nextItemRow, type ItemRow } from '../item-row';
import { planItemUpsert } from '../plans';
import type { VersionInfo } from '../types';
import type { Query, Tx } from './connect';

interface RawItem extends Omit<ItemRow, 'live_body' | 'live_teams'> {
  seq: number;
  live_body: string | null;
  live_teams: string | null;
}

export type StoredItem = ItemRow & { seq: number };

/** The item's row, locked until the transaction ends (FOR UPDATE): one writer per item. */
export async function lockItem(tx: Tx, id: string): Promise<StoredItem | undefined> {
  const [raw] = await tx<RawItem[]>`SELECT * FROM items WHERE id = ${id} FOR UPDATE`;
  return raw && toStored(raw);
}

export async function readItem(sql: Query, id: string): Promise<StoredItem | undefined> {
  const [raw] = await sql<RawItem[]>`SELECT * FROM items WHERE id = ${id}`;
  return raw && toStored(raw);
}

const toStored = (raw: RawItem): StoredItem => ({
  ...raw,
  live_body: raw.live_body ?? undefined,
  live_teams: raw.live_teams ?? undefined,
});

/**
 * One statement, the transaction's last: appends the version row, takes the next feed number
 * from the counter row and writes the head with it. The counter's row lock is
 * held from that statement to COMMIT, so numbers are handed out in commit order and a reader
 * polling `seq > cursor` can never see a later number before an earlier one. One statement is
 * also one round trip while the counter is locked.
 */
export async function writeItem(
  tx: Tx,
  row: ItemRow,
  version: { author: string | undefined; at: Date },
): Promise<number> {
  const at = version.at.toISOString();
  const [written] = await tx<{ seq: number }[]>`
    WITH version AS (INSERT INTO item_versions (id, version, body, created_at, author)
      VALUES (${row.id}, ${row.version}, ${row.body}, ${at}, ${version.author ?? null})),
    next AS (UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value)
    ${headFromNext(tx, row)}`;
  return written?.seq ?? 0;
}

/**
 * The statement's tail that writes `row` as the item's head at the number the `next` CTE took
 * from the counter (the counter's UPDATE … RETURNING value), and returns that number.
 */
export function headFromNext(sql: Query, row: ItemRow) {
  return sql`
    INSERT INTO items (id, type, status, teams, body, version, seq, deleted, live_body,
      live_teams, seen_public, seen_teams)
    SELECT ${row.id}, ${row.type}, ${row.status}, ${row.teams}, ${row.body}, ${row.version},
      next.value, false, ${row.live_body ?? null}, ${row.live_teams ?? null}, ${row.seen_public},
      ${row.seen_teams} FROM next
    ON CONFLICT (id) DO UPDATE SET type = excluded.type, status = excluded.status,
      teams = excluded.teams, body = excluded.body, version = excluded.version,
      seq = excluded.seq, deleted = false, live_body = excluded.live_body,
      live_teams = excluded.live_teams, seen_public = excluded.seen_public,
      seen_teams = excluded.seen_teams
    RETURNING seq`;
}

/** A plain write (seed, tests): the whole truth, so a draft here takes any live copy down. */
export async function upsertItem(
  tx: Tx,
  input: unknown,
  author: string | undefined,
  at: Date,
): Promise<number> {
  const item = itemSchema.parse(input);
  const body = JSON.stringify(item);
  const current = await lockItem(tx, item.id);
  const plan = planItemUpsert(current, item, body);
  if (plan === 'unchanged' && current !== undefined) return current.seq;
  return writeItem(tx, nextItemRow(item, current, false), { author, at });
}

export async function upsertApp(tx: Tx, input: unknown): Promise<number> {
  const app = appSchema.parse(input);
  const body = JSON.stringify(app);
  const [current] = await tx<{ body: string; seq: number; deleted: boolean }[]>`
    SELECT body, seq, deleted FROM apps WHERE id = ${app.id} FOR UPDATE`;
  if (current !== undefined && !current.deleted && current.body === body) return current.seq;
  const [written] = await tx<{ seq: number }[]>`
    WITH next AS (UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value)
    INSERT INTO apps (id, body, seq, deleted) SELECT ${app.id}, ${body}, next.value, false FROM next
    ON CONFLICT (id) DO UPDATE SET body = excluded.body, seq = excluded.seq, deleted = false
    RETURNING seq`;
  return written?.seq ?? 0;
}

/** Marks the row deleted at the next feed number (returned); undefined if there was none. */
export async function tombstone(
  tx: Tx,
  table: 'items' | 'apps',
  id: string,
): Promise<number | undefined> {
  const [row] = await tx<{ deleted: boolean }[]>`
    SELECT deleted FROM ${tx(table)} WHERE id = ${id} FOR UPDATE`;
  if (row === undefined || row.deleted) return undefined;
  const [written] = await tx<{ seq: number }[]>`
    WITH next AS (UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value)
    UPDATE ${tx(table)} SET deleted = true, seq = next.value FROM next WHERE id = ${id}
    RETURNING seq`;
  return written?.seq;
}

export async function itemBodies(sql: Query, column: 'body' | 'live_body'): Promise<Item[]> {
  const rows = await sql<{ body: string }[]>`
    SELECT ${sql(column)} AS body FROM items
    WHERE NOT deleted AND ${sql(column)} IS NOT NULL ORDER BY id COLLATE "C"`;
  return rows.map((r) => JSON.parse(r.body) as Item);
}

export async function itemVersion(sql: Query, id: string, version: number) {
  const [row] = await sql<{ body: string }[]>`
    SELECT body FROM item_versions WHERE id = ${id} AND version = ${version}`;
  return row === undefined ? undefined : (JSON.parse(row.body) as Item);
}

export async function itemVersions(sql: Query, id: string): Promise<VersionInfo[]> {
  const rows = await sql<
    { version: number; body: string; author: string | null; created_at: string }[]
  >`SELECT version, body, author, created_at FROM item_versions WHERE id = ${id}
    ORDER BY version`;
  return rows.map((r) => ({
    version: r.version,
    status: (JSON.parse(r.body) as Item).status,
    author: r.author ?? undefined,
    created_at: r.created_at,
  }));
}
