import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/**
 * Prepared statements kept per connection for the hot write paths (`POST /v1/events` prepares the
 * same dozen statements for every batch otherwise: a tenth of its time in the insights bench's
 * CPU profile). A statement made plucking stays plucking, so the two are cached apart.
 */
const caches = new WeakMap<Db, Map<string, Statement>>();

function cached(db: Db, key: string, make: () => Statement): Statement {
  let cache = caches.get(db);
  if (cache === undefined) caches.set(db, (cache = new Map<string, Statement>()));
  let statement = cache.get(key);
  if (statement === undefined) cache.set(key, (statement = make()));
  return statement;
}

/** `db.prepare(sql)`, once per connection. */
export const prepared = (db: Db, sql: string): Statement =>
  cached(db, `r:${sql}`, () => db.prepare(sql));

/** `db.prepare(sql).pluck()`, once per connection. */
export const preparedPluck = (db: Db, sql: string): Statement =>
  cached(db, `p:${sql}`, () => db.prepare(sql).pluck());
