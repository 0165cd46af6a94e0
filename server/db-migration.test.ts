import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './db';
import { seedFromContent, type LoadedContentLike } from './seed';
import { Store } from './store';
import { TemplateStore } from './template-store';
import { appDef, article, tempStore, template } from './test-fixtures';

let env: ReturnType<typeof tempStore>;
beforeEach(() => (env = tempStore()));
afterEach(() => env.cleanup());

describe('migration 2 (governance)', () => {
  it('keeps the published items of an existing database live for learners', () => {
    env.store.close();
    // A database as the first release left it: schema 1, one published item and one draft.
    const file = `${env.file}.v1`;
    const old = new Database(file);
    old.exec(migrations[0]!);
    old.pragma('user_version = 1');
    const insert = old.prepare(
      "INSERT INTO items (id, type, status, teams, body, version, seq) VALUES (?, 'article', ?, '[]', ?, 1, ?)",
    );
    insert.run('live', 'published', JSON.stringify(article('live')), 1);
    insert.run('draft', 'draft', JSON.stringify(article('draft', { status: 'draft' })), 2);
    old.close();
    const store = Store.open(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect([...store.rowsAfter(0)].map((r) => [r.id, r.liveBody !== undefined])).toEqual([
        ['live', true],
        ['draft', false],
      ]);
    } finally {
      store.close();
    }
  });
});

describe('migration 3 (templates)', () => {
  it('adds an empty templates table to a governance-era database, which the seed then fills', async () => {
    env.store.close();
    // A database as the governance release left it: schema 2, one published item.
    const file = `${env.file}.v2`;
    const old = new Database(file);
    old.exec(migrations[0]!);
    old.exec(migrations[1]!);
    old.pragma('user_version = 2');
    old
      .prepare(
        "INSERT INTO items (id, type, status, teams, body, version, seq, live_body, live_teams) VALUES ('live', 'article', 'published', '[]', ?, 1, 1, ?, '[]')",
      )
      .run(JSON.stringify(article('live')), JSON.stringify(article('live')));
    old.close();
    const store = Store.open(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(3);
      const templates = new TemplateStore(store.db);
      expect(templates.count()).toBe(0);
      const content = {
        apps: [{ value: appDef('desk') }],
        items: [{ value: article('other') }],
        templates: [{ value: template('screen-tip') }],
        problems: [],
      } as unknown as LoadedContentLike;
      const seeded = await seedFromContent(store, 'content', () => Promise.resolve(content));
      expect(seeded).toEqual({ apps: 0, items: 0, templates: 1 });
      expect(templates.list().map((t) => t.id)).toEqual(['screen-tip']);
      expect([...store.rowsAfter(0)].map((r) => r.id)).toEqual(['live']);
    } finally {
      store.close();
    }
  });
});
