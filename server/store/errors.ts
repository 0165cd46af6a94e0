/** A change that breaks the version rule: a stored item may only move to a higher version. */
export class VersionConflictError extends Error {}

/** `users add` for an email that exists (without --rotate), or a new user without a role. */
export class UserExistsError extends Error {}

/**
 * The database could not take the lock a write needs in time (PostgreSQL `lock_timeout`): the
 * request is answered 503 with Retry-After, and nothing was written.
 */
export class StoreBusyError extends Error {
  constructor(readonly retryAfterSeconds = 1) {
    super('the database is busy; retry shortly');
  }
}

/** The database's schema is newer than this server, or was never migrated. */
export class SchemaMismatchError extends Error {}
