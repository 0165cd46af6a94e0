import postgres from 'postgres';
import { StoreBusyError, VersionConflictError } from '../errors';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;
/** A query runner: the pool, or one transaction of it. */
export type Query = Sql | Tx;

export interface ConnectOptions {
  /** Connections in this process's pool (default 10). */
  max?: number;
  /** Shown in pg_stat_activity, so an operator can tell instances and the listener apart. */
  applicationName?: string;
}

/**
 * A pool for `url`. Every connection starts with limits that keep one slow client from stalling
 * the rest: a write that waits longer than lock_timeout for a row lock (the feed counter, an
 * item) fails and is answered 503 + Retry-After; a transaction left idle is ended by the
 * server; no statement runs for ever. bigint columns (seq, ids) come back as numbers: they stay
 * far below 2^53.
 */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
    connection: {
      application_name: options.applicationName ?? 'waymark',
      lock_timeout: 2_000,
      idle_in_transaction_session_timeout: 10_000,
      statement_timeout: 30_000,
    },
  });
}

const LOCK_NOT_AVAILABLE = '55P03';
const DEADLOCK = '40P01';
const UNIQUE_VIOLATION = '23505';

/**
 * Database errors as the store's own: a lock that did not come in time is "busy" (503), two
 * writers creating the same version of an item is a version conflict (409).
 */
export function translate(error: unknown): unknown {
  if (!(error instanceof postgres.PostgresError)) return error;
  if (error.code === LOCK_NOT_AVAILABLE || error.code === DEADLOCK) return new StoreBusyError(1);
  if (error.code === UNIQUE_VIOLATION && error.constraint_name === 'item_versions_pkey')
    return new VersionConflictError('the item was changed at the same time; read it again');
  return error;
}

/** Runs `work` in one READ COMMITTED transaction (rolled back on throw), errors translated. */
export async function transaction<T>(sql: Sql, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return (await sql.begin(work)) as T;
  } catch (error) {
    throw translate(error);
  }
}
