import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './db';
import { Store, VersionConflictError } from './store';
import { appDef, article, tempStore } from './test-fixtures';

let env: ReturnType<typeof tempStore>;
beforeEach(() => (env = tempStore()));
afterEach(() => env.cleanup());

describe('Store', () => {
  it('opens in WAL mode with the schema version recorded and keeps its epoch on reopen', () => {
    const { store, file } = env;
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const epoch = store.epoch;
    store.close();
    const again = Store.open(file);
    expect(again.epoch).toBe(epoch);
    again.close();
  });

  it('returns the next sequence number for each change and keeps every version', () => {
    const { store } = env;
    expect(store.upsertItem(article('a'), 'ana')).toBe(1);
    expect(store.upsertApp(appDef('desk'))).toBe(2);
    expect(store.upsertItem(article('a', { status: 'archived', version: 2 }), 'bo')).toBe(3);
    expect(store.itemVersions('a').map((v) => [v.version, v.author])).toEqual([
      [1, 'ana'],
      [2, 'bo'],
    ]);
    expect(store.lastSeq()).toBe(3);
  });

  it('returns the stored sequence without a new one when the same body is sent again', () => {
    const { store } = env;
    store.upsertItem(article('a'), 'ana');
    expect(store.upsertItem(article('a'), 'ana')).toBe(1);
    expect(store.lastSeq()).toBe(1);
  });

  it('throws VersionConflictError when a change does not raise the version', () => {
    env.store.upsertItem(article('a'), 'ana');
    expect(() => env.store.upsertItem(article('a', { body: 'Changed.' }), 'ana')).toThrow(
      VersionConflictError,
    );
  });

  it('throws when the item is not valid', () => {
    expect(() => env.store.upsertItem({ ...article('a'), status: 'live' }, 'ana')).toThrow();
  });

  it('leaves tombstones with a new sequence number when items and apps are deleted', () => {
    const { store } = env;
    store.upsertItem(article('a'), 'ana');
    store.upsertApp(appDef('desk'));
    expect(store.deleteItem('a')).toBe(true);
    expect(store.deleteApp('desk')).toBe(true);
    expect(store.deleteItem('a')).toBe(false);
    expect([...store.rowsAfter(2)].map((r) => [r.kind, r.id, r.seq, r.deleted])).toEqual([
      ['item', 'a', 3, true],
      ['app', 'desk', 4, true],
    ]);
    expect(store.getItem('a')).toBeUndefined();
  });
});
