import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Batch, Run } from './ingest-runs';

/**
 * The insights bench's direct SQLite work — the baselines and the measurements the Store does not
 * offer: a plain INSERT ceiling (by definition not the Store's write), one raw scan, and on-disk
 * sizes from SQLite's dbstat. The only bench file allowed the driver (eslint.config.js).
 */

/** The ceiling: the same events as rows of one plain table, 500 a transaction, same pragmas. */
export function plainInsert(dir: string, batches: readonly Batch[]): Run {
  const db = new Database(join(dir, 'ceiling.db'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE events (install TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (install, seq)) WITHOUT ROWID`);
  const rows = batches.map((b) => b.events.map((e) => [b.install, e.seq, JSON.stringify(e)]));
  const insert = db.prepare('INSERT OR IGNORE INTO events VALUES (?, ?, ?)');
  const write = db.transaction((batch: (string | number)[][]) => {
    for (const row of batch) insert.run(...row);
  });
  const latencies: number[] = [];
  const start = performance.now();
  for (const batch of rows) {
    const t = performance.now();
    write(batch);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  db.close();
  const events = rows.reduce((n, b) => n + b.length, 0);
  return { name: 'plain batched INSERT (ceiling)', events, seconds, latencies, problems: 0 };
}

/** The baseline beside each period: one indexed pass over the period's raw events. */
export function rawScanMs(path: string, from: number, repeat: number): number[] {
  const db = new Database(path, { readonly: true });
  const scan = db.prepare(
    'SELECT type, count(*) AS n FROM ins_events WHERE day >= ? GROUP BY type',
  );
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    scan.all(from);
    ms.push(performance.now() - start);
  }
  db.close();
  return ms;
}

/** Bytes on disk of the raw events (table and its indexes) per row, and rollup rows. */
export function storageFigures(path: string) {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('SELECT count(*) FROM ins_events').pluck().get() as number;
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'ins_events'")
    .pluck()
    .all() as string[];
  const bytes = db
    .prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN (${names.map(() => '?').join(',')})`)
    .pluck()
    .get(...names) as number;
  const rollups = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ins_%_day'")
    .pluck()
    .all() as string[];
  const rollupRows = rollups.reduce(
    (n, t) => n + (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number),
    0,
  );
  db.close();
  return { rows, bytes, bytesPerEvent: bytes / rows, rollupRows };
}

/**
 * Every rollup table's rows (day, month, people per week, learner sets), sorted, and the raw and
 * learning row counts: what must be equal between the bulk fill and EventIngest on the same
 * batches (salts differ, so marks are not).
 */
export function rollupDump(path: string): string {
  const db = new Database(path, { readonly: true });
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'ins_%_day'
         OR name LIKE 'ins_%_month' OR name IN ('ins_people_week', 'ins_learner_sets'))
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const dump = tables.map((t) => [
    t,
    db
      .prepare(`SELECT * FROM ${t}`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort(),
  ]);
  const counts = ['ins_events', 'ins_queries', 'learning_records'].map((t) => [
    t,
    db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
  ]);
  db.close();
  return JSON.stringify([...dump, ...counts]);
}

/** The days a filled year holds (from its per-screen rollup): a stopped fill holds the first ones. */
export function filledDays(path: string): { first: string; last: string; days: number } {
  const db = new Database(path, { readonly: true });
  const row = db
    .prepare(
      'SELECT min(day) AS first, max(day) AS last, count(DISTINCT day) AS days FROM ins_screen_day',
    )
    .get() as { first: string; last: string; days: number };
  db.close();
  return row;
}
