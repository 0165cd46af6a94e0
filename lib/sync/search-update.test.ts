import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSearchIndex, upsertItems, type WaymarkDatabase } from '@/lib/db';
import { article, testDatabase } from '@/lib/db/test-support';
import { SearchCache } from '@/lib/knowledge';
import { buildIndex, itemToSearchDoc, loadIndex, type SerializedIndex } from '@/lib/search';
import { engineFor } from './engine-test-support';
import { FakeFeed } from './fake-feed';
import { applyChangeToSearch, updateSearchIndex } from './search-update';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const titled = (id: string, title: string, status = 'published') =>
  ({ ...article(id), title, status }) as ReturnType<typeof article>;

describe('updateSearchIndex', () => {
  it('removes deleted and unpublished items, adds published ones, and stores the index under the new version', async () => {
    const index = buildIndex(
      [titled('a', 'Alpha guide'), titled('b', 'Bravo guide')].map(itemToSearchDoc),
    );
    await upsertItems(db, [titled('c', 'Charlie guide'), titled('b', 'Bravo draft', 'draft')]);
    await updateSearchIndex(
      db,
      index,
      { upserted: ['c', 'b'], deleted: ['a'], contentVersion: 7, changed: true },
      42,
    );
    expect(index.search('guide').map((hit) => hit.id)).toEqual(['c']);
    const stored = await getSearchIndex(db);
    expect(stored).toMatchObject({ contentVersion: 7, builtAt: 42 });
    expect(loadIndex(JSON.parse(stored!.data) as SerializedIndex).search('charlie')[0]?.id).toBe(
      'c',
    );
  });
});

describe('applyChangeToSearch', () => {
  it('returns true and the cache answers from memory with the synced items, without a rebuild', async () => {
    const feed = new FakeFeed().putItems(titled('a', 'Alpha guide'));
    const cache = new SearchCache(db);
    const { engine } = engineFor(db, feed, {
      onChanged: (change) => applyChangeToSearch(db, cache, change),
    });
    await engine.syncNow();
    await cache.get();
    feed.putItems(titled('z', 'Zulu handbook')).delete('item', 'a');
    await engine.syncNow();
    const index = await cache.get();
    expect(cache.lastSource).toBe('memory');
    expect(index.search('zulu').map((hit) => hit.id)).toEqual(['z']);
    expect(index.search('alpha')).toEqual([]);
  });

  it('returns false when the cache holds no index or one for another version', async () => {
    const cache = new SearchCache(db);
    const change = { upserted: [], deleted: [], contentVersion: 5, changed: true };
    expect(await applyChangeToSearch(db, cache, change)).toBe(false);
    await cache.get();
    expect(await applyChangeToSearch(db, cache, change)).toBe(false);
  });
});
