import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bumpContentVersion, upsertItems, type WaymarkDatabase } from '@/lib/db';
import { article, testDatabase } from '@/lib/db/test-support';
import { buildIndex, itemToSearchDoc } from '@/lib/search';
import { SearchCache } from './search-cache';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('SearchCache.current', () => {
  it('returns undefined before an index was opened, then the index and its version', async () => {
    const cache = new SearchCache(db);
    expect(cache.current()).toBeUndefined();
    const index = await cache.get();
    expect(cache.current()?.contentVersion).toBe(0);
    expect(await cache.current()?.index).toBe(index);
  });
});

describe('SearchCache.adopt', () => {
  it('returns the adopted index from memory for its content version', async () => {
    const cache = new SearchCache(db);
    await cache.get();
    await upsertItems(db, [article('a')]);
    await bumpContentVersion(db);
    const updated = buildIndex([itemToSearchDoc(article('a'))]);
    cache.adopt(updated, 1);
    expect(await cache.get()).toBe(updated);
    expect(cache.lastSource).toBe('memory');
  });
});
