import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import {
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
    expect(await getSearchIndexFor(db, 3)).toBe(data);
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
