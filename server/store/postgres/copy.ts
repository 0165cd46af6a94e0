import { copyColumns, DUMP_BATCH } from '../tables';
import { dumpTables, type DumpChunk, type DumpTable } from '../types';
import type { Sql, Tx } from './connect';

/** How each table is read in a stable order (ids compared byte-wise, as SQLite does). */
const ORDER: Record<DumpTable, string> = {
  meta: 'key COLLATE "C"',
  seq: 'id',
  users: 'id',
  apps: 'seq',
  items: 'seq',
  item_versions: 'id COLLATE "C", version',
  audit_log: 'id',
  anchor_reports: 'item_id COLLATE "C", app COLLATE "C", screen COLLATE "C"',
  templates: 'id COLLATE "C"',
};

/** Every table in batches, from one REPEATABLE READ snapshot on a reserved connection. */
export async function* dump(sql: Sql): AsyncGenerator<DumpChunk> {
  const reserved = await sql.reserve();
  try {
    await reserved`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`;
    for (const table of dumpTables) {
      const columns = copyColumns[table];
      const rows = reserved.unsafe(
        `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${ORDER[table]}`,
      );
      for await (const batch of rows.cursor(DUMP_BATCH))
        yield { table, rows: batch as DumpChunk['rows'] };
    }
    await reserved`COMMIT`;
  } finally {
    reserved.release();
  }
}

export async function holdsData(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM items)
      OR EXISTS (SELECT 1 FROM apps) OR EXISTS (SELECT 1 FROM audit_log)
      OR EXISTS (SELECT 1 FROM templates) AS found`;
  return row?.found ?? false;
}

/** Inserts one chunk inside the caller's transaction; meta and seq replace what is there. */
export async function loadChunk(tx: Tx, chunk: DumpChunk): Promise<void> {
  const columns = [...copyColumns[chunk.table]];
  if (chunk.table === 'seq') {
    for (const row of chunk.rows)
      await tx`UPDATE seq SET value = ${Number(row.value)} WHERE id = 1`;
    return;
  }
  const rows = chunk.rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
  if (chunk.table === 'meta') {
    await tx`INSERT INTO meta ${tx(rows, 'key', 'value')}
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    return;
  }
  const overriding = chunk.table === 'audit_log' ? tx`OVERRIDING SYSTEM VALUE` : tx``;
  await tx`INSERT INTO ${tx(chunk.table)} ${tx(rows, columns)} ${overriding}`;
}

/** After loading audit rows with their ids, new rows continue after the highest. */
export async function resumeIdentities(tx: Tx): Promise<void> {
  await tx`SELECT setval(pg_get_serial_sequence('audit_log', 'id'),
    greatest((SELECT max(id) FROM audit_log), 1))`;
}
