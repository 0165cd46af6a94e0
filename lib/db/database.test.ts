import { afterEach, describe, expect, it } from 'vitest';
import { db, DEFAULT_DATABASE_NAME, openDatabase, type WaymarkDatabase } from './database';
import { fakeIndexedDb } from './test-support';

let opened: WaymarkDatabase | undefined;
afterEach(() => opened?.close());

describe('openDatabase', () => {
  it('returns a version 4 store with every current table when opened fresh', async () => {
    opened = openDatabase('fresh', fakeIndexedDb());
    await opened.open();
    expect(opened.verno).toBe(4);
    expect(opened.tables.map((t) => t.name).sort()).toEqual([
      'apps',
      'dismissals',
      'drafts',
      'items',
      'lessonProgress',
      'meta',
      'outbox',
      'searchIndex',
      'settings',
      'votes',
    ]);
  });
});

describe('db', () => {
  it('returns the same store named "waymark" on every call', () => {
    expect(db()).toBe(db());
    expect(db().name).toBe(DEFAULT_DATABASE_NAME);
  });
});
