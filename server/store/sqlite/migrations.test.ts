import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedFromContent, type LoadedContentLike } from '../../seed';
import { appDef, article, template } from '../../test-fixtures';
import { migrations } from './migrations';
import { SqliteStore } from './store';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'waymark-migrate-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as an earlier release left it: the first `version` migrations, then `fill`. */
function oldDatabase(version: number, fill: (db: Database.Database) => void): string {
  const file = join(dir, `v${version}.db`);
  const db = new Database(file);
  for (const step of migrations.slice(0, version))
    if (typeof step === 'string') db.exec(step);
    else step(db);
  db.pragma(`user_version = ${version}`);
  fill(db);
  db.close();
  return file;
}

const learner = (team?: string) => ({ role: 'learner' as const, team });

describe('SQLite migration 2 (governance)', () => {
  it('keeps the published items of an existing database live for learners', async () => {
    const file = oldDatabase(1, (db) => {
      const insert = db.prepare(
        "INSERT INTO items (id, type, status, teams, body, version, seq) VALUES (?, 'article', ?, '[]', ?, 1, ?)",
      );
      insert.run('live', 'published', JSON.stringify(article('live')), 1);
      insert.run('draft', 'draft', JSON.stringify(article('draft', { status: 'draft' })), 2);
    });
    const store = SqliteStore.open(file);
    try {
      expect((await store.readiness()).schema).toEqual({
        current: migrations.length,
        latest: migrations.length,
      });
      const { page } = await store.feedPage(learner(), 0, 10);
      expect(page.items.map((i) => (i as { id: string }).id)).toEqual(['live']);
      // The draft was never published: a learner is not even told it exists.
      expect(page.deleted).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite migration 3 (templates)', () => {
  it('adds an empty templates table to a governance-era database, which the seed then fills', async () => {
    const file = oldDatabase(2, (db) => {
      const body = JSON.stringify(article('live'));
      db.prepare(
        "INSERT INTO items (id, type, status, teams, body, version, seq, live_body, live_teams) VALUES ('live', 'article', 'published', '[]', ?, 1, 1, ?, '[]')",
      ).run(body, body);
    });
    const store = SqliteStore.open(file);
    try {
      expect(await store.listTemplates()).toEqual([]);
      const content = {
        apps: [{ value: appDef('desk') }],
        items: [{ value: article('other') }],
        templates: [{ value: template('screen-tip') }],
        problems: [],
      } as unknown as LoadedContentLike;
      const seeded = await seedFromContent(store, 'content', () => Promise.resolve(content));
      expect(seeded).toEqual({ apps: 0, items: 0, templates: 1 });
      expect((await store.listTemplates()).map((t) => t.id)).toEqual(['screen-tip']);
      expect((await store.listItems()).map((i) => i.id)).toEqual(['live']);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite migration 4 (who may get a tombstone)', () => {
  it('remembers the teams each item was published for, from its versions and live copy', async () => {
    const file = oldDatabase(3, (db) => {
      const version = db.prepare(
        "INSERT INTO item_versions (id, version, body, created_at) VALUES (?, ?, ?, '2026-01-01')",
      );
      const head = db.prepare(
        "INSERT INTO items (id, type, status, teams, body, version, seq, live_body, live_teams) VALUES (?, 'article', ?, '[]', ?, ?, ?, NULL, NULL)",
      );
      // Once published for emea, now a draft for everyone.
      version.run('moved', 1, JSON.stringify(article('moved', { teams: ['emea'] })));
      const draft = JSON.stringify(article('moved', { status: 'draft', version: 2 }));
      version.run('moved', 2, draft);
      head.run('moved', 'draft', draft, 2, 1);
      // Never published.
      const secret = JSON.stringify(article('secret', { status: 'draft' }));
      version.run('secret', 1, secret);
      head.run('secret', 'draft', secret, 1, 2);
    });
    const store = SqliteStore.open(file);
    try {
      expect((await store.feedPage(learner('emea'), 0, 10)).page.deleted).toEqual([
        { kind: 'item', id: 'moved' },
      ]);
      expect((await store.feedPage(learner('apac'), 0, 10)).page.deleted).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('the SQLite history tables', () => {
  it('refuse UPDATE and DELETE from any code', async () => {
    const file = join(dir, 'history.db');
    const store = SqliteStore.open(file);
    await store.upsertItem(article('kept'), 'ops');
    await store.appendAudit({ actor: 'a@example.com', action: 'edit', item: 'kept' });
    await store.close();
    const db = new Database(file);
    try {
      expect(() => db.exec("UPDATE audit_log SET actor = 'someone-else'")).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM item_versions')).toThrow(/append-only/);
      expect(() => db.exec("UPDATE item_versions SET body = '{}'")).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('opens in WAL mode and keeps its epoch on reopen', async () => {
    const file = join(dir, 'wal.db');
    const store = SqliteStore.open(file);
    const epoch = store.epoch;
    await store.close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = SqliteStore.open(file);
    expect(again.epoch).toBe(epoch);
    await again.close();
  });
});
