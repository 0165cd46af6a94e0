import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SchemaMismatchError } from '../errors';
import { newEpoch } from '../plans';
import type { SchemaStatus } from '../types';
import { migrations } from './migrations';

export type Db = Database.Database;

export function schemaStatus(db: Db): SchemaStatus {
  return {
    current: db.pragma('user_version', { simple: true }) as number,
    latest: migrations.length,
  };
}

/** Applies the migrations the file has not seen yet, each in its own transaction. */
export function migrate(db: Db): SchemaStatus {
  const { current } = schemaStatus(db);
  if (current > migrations.length)
    throw new SchemaMismatchError(
      `the database schema (version ${current}) is newer than this server (${migrations.length})`,
    );
  migrations.slice(current).forEach((step, i) => {
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
  return schemaStatus(db);
}

/** Migrates a file (creating it if needed) and closes it. */
export function migrateFile(file: string): SchemaStatus & { applied: number } {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const before = schemaStatus(db).current;
    const after = migrate(db);
    return { ...after, applied: after.current - before };
  } finally {
    db.close();
  }
}

/** The schema version of a file (0 when there is none yet). */
export function statusOfFile(file: string): SchemaStatus {
  if (!existsSync(file)) return { current: 0, latest: migrations.length };
  const db = new Database(file, { readonly: true });
  try {
    return schemaStatus(db);
  } finally {
    db.close();
  }
}

/**
 * Opens (creating if needed) the server database and brings its schema up to date. WAL lets the
 * feed read while a write commits; busy_timeout makes a second process (the CLI adding a user
 * while `serve` runs) wait, not fail. A single writer per file is SQLite's own lock.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('epoch', newEpoch());
  return db;
}

export function readMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function lastSeqOf(db: Db): number {
  return (db.prepare('SELECT value FROM seq WHERE id = 1').get() as { value: number }).value;
}

/** Hands out the next feed sequence number; call inside the write's transaction. */
export function nextSeq(db: Db): number {
  return (
    db.prepare('UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value').get() as {
      value: number;
    }
  ).value;
}
