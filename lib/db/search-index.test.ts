import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import {
  appendSearchIndexChange,
  clearSearchIndex,
  getSearchIndex,
  getSearchIndexFor,
  putSearchIndex,
} from './search-index';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const data = JSON.stringify({ documentCount: 2, index: [] });

describe('getSearchIndex', () => {
  it('returns undefined when no index was stored', async () => {
    expect(await getSearchIndex(db)).toBeUndefined();
  });

  it('returns the stored data with its content version and build time', async () => {
    await putSearchIndex(db, { contentVersion: 3, data }, 42);
    expect(await getSearchIndex(db)).toEqual({ contentVersion: 3, data, builtAt: 42 });
  });
});

describe('getSearchIndexFor', () => {
  it('returns the data when it was built from the current content version', async () => {
    await putSearchIndex(db, { contentVersion: 3, data });
    expect(await getSearchIndexFor(db, 3)).toEqual({ data, changes: [] });
  });

  it('returns the snapshot with the logged changes that bring it to the content version', async () => {
    await putSearchIndex(db, { contentVersion: 3, data });
    const doc = { id: 'a', title: 'Alpha' };
    const four = { fromVersion: 3, contentVersion: 4, removed: [], docs: [doc] };
    const five = { fromVersion: 4, contentVersion: 5, removed: ['a'], docs: [] };
    await appendSearchIndexChange(db, five);
    expect(await appendSearchIndexChange(db, four)).toBe(2);
    expect(await getSearchIndexFor(db, 5)).toEqual({ data, changes: [four, five] });
    expect(await getSearchIndexFor(db, 4)).toBeUndefined();
    expect(await getSearchIndexFor(db, 6)).toBeUndefined();
  });

  it('returns undefined when the log has a gap', async () => {
    await putSearchIndex(db, { contentVersion: 3, data });
    await appendSearchIndexChange(db, { fromVersion: 4, contentVersion: 5, removed: [], docs: [] });
    expect(await getSearchIndexFor(db, 5)).toBeUndefined();
  });

  it('drops the log when a new snapshot is stored', async () => {
    await putSearchIndex(db, { contentVersion: 3, data });
    await appendSearchIndexChange(db, { fromVersion: 3, contentVersion: 4, removed: [], docs: [] });
    await putSearchIndex(db, { contentVersion: 4, data });
    expect(await getSearchIndexFor(db, 4)).toEqual({ data, changes: [] });
    expect(await db.searchIndex.count()).toBe(1);
  });

  it('returns undefined when the content changed since the index was built', async () => {
    await putSearchIndex(db, { contentVersion: 3, data });
    expect(await getSearchIndexFor(db, 4)).toBeUndefined();
  });
});

describe('clearSearchIndex', () => {
  it('returns undefined after the index was cleared', async () => {
    await putSearchIndex(db, { contentVersion: 1, data });
    await clearSearchIndex(db);
    expect(await getSearchIndex(db)).toBeUndefined();
  });
});
