import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append only:
 * never edit a migration that has shipped, add the next one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  -- One row: the feed's monotonic sequence. Every item/app change takes the next value, so the
  -- feed is ordered by this counter and never by a clock.
  CREATE TABLE seq (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL) STRICT;
  INSERT INTO seq (id, value) VALUES (1, 0);
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('learner', 'author', 'reviewer', 'admin')),
    team TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;
  CREATE TABLE items (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    teams TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE TABLE item_versions (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT,
    PRIMARY KEY (id, version)
  ) STRICT;
  CREATE TABLE apps (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  `,
  `
  -- Governance. live_body is the copy learners see: it stays while a new draft of a published
  -- item is edited and reviewed, and only a publish (or archive) replaces it.
  ALTER TABLE items ADD COLUMN live_body TEXT;
  ALTER TABLE items ADD COLUMN live_teams TEXT;
  UPDATE items SET live_body = body, live_teams = teams WHERE status = 'published';
  -- Versions and the audit trail are history: the database itself refuses to rewrite them.
  CREATE TRIGGER item_versions_no_update BEFORE UPDATE ON item_versions
    BEGIN SELECT RAISE(ABORT, 'item_versions is append-only'); END;
  CREATE TRIGGER item_versions_no_delete BEFORE DELETE ON item_versions
    BEGIN SELECT RAISE(ABORT, 'item_versions is append-only'); END;
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    item_id TEXT,
    version INTEGER,
    comment TEXT
  ) STRICT;
  CREATE INDEX audit_log_item ON audit_log (item_id, id);
  CREATE INDEX audit_log_actor ON audit_log (actor, id);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  -- Counts only, aggregated: the extension reports that an anchor did not resolve, never the page.
  CREATE TABLE anchor_reports (
    item_id TEXT NOT NULL,
    app TEXT NOT NULL,
    screen TEXT NOT NULL,
    count INTEGER NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (item_id, app, screen)
  ) STRICT;
  `,
  `
  -- Templates authors start items from: seeded from content/templates/, changed by admins. Not in
  -- the feed (authors fetch them), so no seq; version counts the changes for the audit trail.
  CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT
  ) STRICT;
  `,
];

/** Applies the migrations the file has not seen yet, each in its own transaction. */
function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length)
    throw new Error(
      `the database schema (version ${current}) is newer than this server (${migrations.length})`,
    );
  migrations.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}

/**
 * Opens (creating if needed) the server database. WAL lets the feed read while a write commits;
 * busy_timeout makes a second process (the CLI adding a user while `serve` runs) wait, not fail.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // The epoch names this database in cursors: a cursor minted by another database is "unknown".
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
    'epoch',
    randomBytes(6).toString('base64url'),
  );
  return db;
}

export function epochOf(db: Db): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('epoch') as
    { value: string } | undefined;
  if (row === undefined) throw new Error('database has no epoch');
  return row.value;
}
