import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { SqliteStore } from './store';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'waymark-checkpoint-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function walDatabase(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

/** About 2 MB of rows, committed into the WAL. */
function fill(db: Database.Database) {
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));
  })();
}

describe('the background WAL checkpointer', () => {
  it('turns automatic checkpoints off and copies the WAL into the file from its worker', async () => {
    const file = join(dir, 'a.db');
    const db = walDatabase(file);
    const checkpointer = startCheckpointer(db, file, 20);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    fill(db);
    await expect.poll(() => statSync(file).size, { timeout: 30_000 }).toBeGreaterThan(2_000_000);
    await checkpointer.stop();
    db.close();
    // The worker closed its connection, so the writer's close was the last one: no WAL is left.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2_000);
    reopened.close();
  });

  it('gives automatic checkpoints back to the connection when its worker fails', async () => {
    const file = join(dir, 'b.db');
    const db = walDatabase(file);
    startCheckpointer(db, join(dir, 'missing', 'nothing.db'), 20);
    await expect
      .poll(() => db.pragma('wal_autocheckpoint', { simple: true }), { timeout: 30_000 })
      .toBe(1_000);
    db.close();
  });

  it('is what a store opened for a server uses, and its close ends the worker', async () => {
    const file = join(dir, 'c.db');
    const store = SqliteStore.open(file, { backgroundCheckpoint: true });
    await store.addUser({ email: 'a@example.com', role: 'admin', team: undefined, rotate: false });
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    reopened.close();
  });
});
