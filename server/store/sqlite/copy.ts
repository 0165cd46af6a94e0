import { booleanColumns, copyColumns, copyOrder, DUMP_BATCH } from '../tables';
import { dumpTables, type DumpChunk } from '../types';
import type { Db } from './database';

type Value = string | number | boolean | null;

/** Every table in batches, from one read transaction (a consistent copy even while serving). */
export function* dump(db: Db): Generator<DumpChunk> {
  db.exec('BEGIN');
  try {
    for (const table of dumpTables) {
      const columns = copyColumns[table];
      const rows = db
        .prepare(
          `SELECT ${columns.join(', ')} FROM ${table}
           ORDER BY ${copyOrder[table].map(([column]) => column).join(', ')}`,
        )
        .iterate() as IterableIterator<Record<string, Value>>;
      let batch: DumpChunk['rows'] = [];
      for (const row of rows) {
        for (const column of booleanColumns) if (column in row) row[column] = row[column] === 1;
        batch.push(row);
        if (batch.length === DUMP_BATCH) {
          yield { table, rows: batch };
          batch = [];
        }
      }
      if (batch.length > 0) yield { table, rows: batch };
    }
  } finally {
    db.exec('COMMIT');
  }
}

/** Whether the database holds anything a copy would overwrite (users, content, history). */
export function holdsData(db: Db): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM items)
         OR EXISTS (SELECT 1 FROM apps) OR EXISTS (SELECT 1 FROM audit_log)
         OR EXISTS (SELECT 1 FROM templates) AS found`,
    )
    .get() as { found: number };
  return row.found === 1;
}

/** Inserts one chunk (inside the caller's transaction); meta and seq replace what is there. */
export function loadChunk(db: Db, chunk: DumpChunk): void {
  const columns = copyColumns[chunk.table];
  const statement =
    chunk.table === 'seq'
      ? db.prepare('UPDATE seq SET value = @value WHERE id = 1')
      : db.prepare(
          `INSERT ${chunk.table === 'meta' ? 'OR REPLACE ' : ''}INTO ${chunk.table}
             (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        );
  for (const row of chunk.rows) {
    const values: Record<string, Value> = {};
    for (const column of columns) {
      const value = row[column] ?? null;
      values[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
    statement.run(values);
  }
}
