import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './db';
import { Store } from './store';
import { article, tempStore } from './test-fixtures';

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
      expect(store.db.pragma('user_version', { simple: true })).toBe(2);
      expect([...store.rowsAfter(0)].map((r) => [r.id, r.liveBody !== undefined])).toEqual([
        ['live', true],
        ['draft', false],
      ]);
    } finally {
      store.close();
    }
  });
});
