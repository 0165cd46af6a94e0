import type postgres from 'postgres';
import type { SchemaStatus } from '../types';
import { migrations } from './migrations';

/** pg_advisory_xact_lock key for migrations ("WAYMARK" in ASCII): one migrator at a time. */
const MIGRATION_LOCK = 0x5741594d41524bn;

export async function schemaStatus(sql: postgres.Sql): Promise<SchemaStatus> {
  const [table] = await sql<{ name: string | null }[]>`
    SELECT to_regclass('schema_migrations')::text AS name`;
  if (table?.name === null || table === undefined) return { current: 0, latest: migrations.length };
  const [row] = await sql<{ current: number | null }[]>`
    SELECT max(version) AS current FROM schema_migrations`;
  return { current: row?.current ?? 0, latest: migrations.length };
}

/**
 * Applies the pending migrations in one transaction under an advisory lock, so instances (or
 * `waymark db migrate` runs) starting together apply each migration exactly once: the second
 * waits for the first and then finds nothing to do. DDL is transactional in PostgreSQL, so a
 * failed migration leaves the schema as it was.
 */
export async function migrate(sql: postgres.Sql): Promise<SchemaStatus & { applied: number }> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK.toString()}::bigint)`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`;
    const [row] = await tx<{ current: number | null }[]>`
      SELECT max(version) AS current FROM schema_migrations`;
    const current = row?.current ?? 0;
    if (current > migrations.length)
      throw new Error(
        `the database schema (version ${current}) is newer than this server (${migrations.length})`,
      );
    for (const [i, step] of migrations.entries()) {
      if (i < current) continue;
      if (typeof step === 'string') await tx.unsafe(step);
      else await step(tx);
      await tx`INSERT INTO schema_migrations (version) VALUES (${i + 1})`;
    }
    return {
      current: migrations.length,
      latest: migrations.length,
      applied: migrations.length - current,
    };
  });
}
