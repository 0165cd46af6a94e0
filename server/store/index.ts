import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Clock } from '../clock';
import { SqliteStore } from './sqlite/store';
import type { Sql } from './postgres/connect';
import type { SchemaStatus, Store } from './types';

export * from './types';
export * from './errors';
export * from './insight-types';
export type * from './insight-reads';
export { encodeCursor } from './feed-rows';

/** Where every server-side command keeps its database unless given `--db` (relative to the cwd). */
export const DEFAULT_DB_PATH = './data/waymark.db';

export interface OpenOptions {
  now?: Clock;
  /** PostgreSQL: apply pending migrations on open (default true). */
  migrate?: boolean;
  /** PostgreSQL: LISTEN for changes (servers); the CLI leaves it off. */
  listen?: boolean;
  /** PostgreSQL: pool size. */
  max?: number;
  /** SQLite: checkpoint the WAL from a worker thread, not inside commits (long-running servers). */
  backgroundCheckpoint?: boolean;
}

/** A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** `sqlite:path` (as `db copy --from` takes it) or a plain path, as a file path. */
function sqlitePath(location: string): string {
  return resolve(location.replace(/^sqlite:/i, ''));
}

/**
 * Opens the store at `location` — a SQLite file (created with its folder when missing: a fresh
 * checkout has no data/) or a PostgreSQL URL. The PostgreSQL backend (and postgres.js) is loaded
 * only when asked for, so the embedded default starts without it.
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { PostgresStore } = await import('./postgres/store');
    return PostgresStore.open(location, options);
  }
  const path = sqlitePath(location);
  mkdirSync(dirname(path), { recursive: true });
  return SqliteStore.open(path, options);
}

/** Runs `work` on a one-connection PostgreSQL client for a CLI command, then closes it. */
async function withConnection<T>(
  url: string,
  name: string,
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const { connect } = await import('./postgres/connect');
  const sql = connect(url, { max: 1, applicationName: name });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/**
 * Brings the schema at `location` up to this server's version: PostgreSQL under an advisory lock
 * (several processes may run it at once), SQLite in the file's own write lock.
 */
export async function migrateStore(location: string): Promise<SchemaStatus & { applied: number }> {
  if (isPostgresUrl(location)) {
    const { migrate } = await import('./postgres/migrate');
    return withConnection(location, 'waymark-migrate', migrate);
  }
  const { migrateFile } = await import('./sqlite/database');
  return migrateFile(sqlitePath(location));
}

/** The schema version at `location` and this server's, without changing anything. */
export async function storeSchemaStatus(location: string): Promise<SchemaStatus> {
  if (isPostgresUrl(location)) {
    const { schemaStatus } = await import('./postgres/migrate');
    return withConnection(location, 'waymark-status', schemaStatus);
  }
  const { statusOfFile } = await import('./sqlite/database');
  return statusOfFile(sqlitePath(location));
}

/** What a location names, for messages: the file, or the URL without its password. */
export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return sqlitePath(location);
  const url = new URL(location);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
