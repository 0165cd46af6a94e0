import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  allPublishedItems,
  bumpContentVersion,
  getSearchIndex,
  upsertItems,
  type WaymarkDatabase,
} from '@/lib/db';
import { article, testDatabase } from '@/lib/db/test-support';
import { SearchCache } from '@/lib/knowledge';
import { buildIndex, itemToSearchDoc, type SearchIndex } from '@/lib/search';
import { engineFor } from './engine-test-support';
import { FakeFeed } from './fake-feed';
import {
  applyChangeToSearch,
  MAX_LOGGED_CHANGES,
  MAX_LOGGED_DOCS,
  updateSearchIndex,
} from './search-update';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const titled = (id: string, title: string, status = 'published') =>
  ({ ...article(id), title, status }) as ReturnType<typeof article>;
const QUERIES = ['guide', 'alpha', 'charlie handbook', 'bravo', 'item 7', 'handbok'];
const results = (index: SearchIndex) => QUERIES.map((q) => index.search(q));
const changeRows = () => db.searchIndex.where('key').startsWith('change:').count();

/** The index a full rebuild from the stored items gives. */
async function rebuilt(): Promise<SearchIndex> {
  return buildIndex((await allPublishedItems(db)).map(itemToSearchDoc));
}

/** Items in the store and an index for them, persisted as the snapshot of version 0. */
async function start(): Promise<{ cache: SearchCache; index: SearchIndex }> {
  await upsertItems(db, [titled('a', 'Alpha guide'), titled('b', 'Bravo guide')]);
  const cache = new SearchCache(db);
  return { cache, index: await cache.get() };
}

/** Stores `items`, bumps the content version and updates `index` as a sync would. */
async function change(
  index: SearchIndex,
  items: ReturnType<typeof titled>[],
  deleted: string[] = [],
) {
  await upsertItems(db, items);
  await db.items.bulkDelete(deleted);
  const { contentVersion } = await bumpContentVersion(db);
  const ids = items.map((i) => i.id);
  await updateSearchIndex(db, index, { upserted: ids, deleted, contentVersion, changed: true }, 42);
  return contentVersion;
}

describe('updateSearchIndex', () => {
  it('removes deleted and unpublished items and adds published ones, in place', async () => {
    const { index } = await start();
    await change(index, [titled('c', 'Charlie guide'), titled('b', 'Bravo draft', 'draft')], ['a']);
    expect(index.search('guide').map((hit) => hit.id)).toEqual(['c']);
  });

  it('appends one small change row instead of re-serialising the snapshot', async () => {
    const { index } = await start();
    const before = await getSearchIndex(db);
    await change(index, [titled('c', 'Charlie handbook')]);
    expect(await getSearchIndex(db)).toEqual(before);
    expect(await changeRows()).toBe(1);
  });

  it('returns a rebuild’s results from a fresh cache that loads the snapshot and replays the log', async () => {
    const { index } = await start();
    await change(index, [titled('c', 'Charlie handbook')]);
    await change(index, [titled('a', 'Alpha guide, second edition')], ['b']);
    await change(index, [titled('c', 'Charlie handbook', 'archived')]);
    const fresh = new SearchCache(db);
    const loaded = await fresh.get();
    expect(fresh.lastSource).toBe('stored');
    expect(results(loaded)).toEqual(results(await rebuilt()));
    expect(results(loaded)).toEqual(results(index));
  });

  it('folds the log into a new snapshot once it holds MAX_LOGGED_CHANGES changes', async () => {
    const { index } = await start();
    let version = 0;
    for (let i = 0; i < MAX_LOGGED_CHANGES; i++)
      version = await change(index, [titled(`n${i}`, `Item ${i} guide`)]);
    expect(await changeRows()).toBe(0);
    expect((await getSearchIndex(db))?.contentVersion).toBe(version);
    const fresh = new SearchCache(db);
    expect(results(await fresh.get())).toEqual(results(await rebuilt()));
  });

  it('writes a snapshot at once when a change touches more than MAX_LOGGED_DOCS items', async () => {
    const { index } = await start();
    const many = Array.from({ length: MAX_LOGGED_DOCS + 1 }, (_, i) =>
      titled(`m${i}`, `Item ${i} handbook`),
    );
    const version = await change(index, many);
    expect(await changeRows()).toBe(0);
    expect((await getSearchIndex(db))?.contentVersion).toBe(version);
  });
});

describe('SearchCache after an interrupted write', () => {
  it('rebuilds instead of serving a stale index when a change row was never written', async () => {
    const { index } = await start();
    await change(index, [titled('c', 'Charlie handbook')]);
    // The worker stopped after the sync committed version 2 but before its change was logged.
    await upsertItems(db, [titled('d', 'Delta guide')]);
    await bumpContentVersion(db);
    const fresh = new SearchCache(db);
    const loaded = await fresh.get();
    expect(fresh.lastSource).toBe('built');
    expect(loaded.search('delta').map((h) => h.id)).toEqual(['d']);
    expect(results(loaded)).toEqual(results(await rebuilt()));
  });

  it('keeps the previous snapshot and log whole when a snapshot write fails midway', async () => {
    const { index } = await start();
    await change(index, [titled('c', 'Charlie handbook')]);
    const before = await db.searchIndex.toArray();
    // Dropping the log is the snapshot transaction's second step: make it fail there.
    const stop = () => {
      throw new Error('worker stopped');
    };
    db.searchIndex.hook('deleting', stop);
    const many = Array.from({ length: MAX_LOGGED_DOCS + 1 }, (_, i) =>
      titled(`m${i}`, `Item ${i}`),
    );
    await expect(change(index, many)).rejects.toThrow('worker stopped');
    expect(await db.searchIndex.toArray()).toEqual(before);
    db.searchIndex.hook('deleting').unsubscribe(stop);
    const fresh = new SearchCache(db);
    expect(results(await fresh.get())).toEqual(results(await rebuilt()));
    expect(fresh.lastSource).toBe('built');
  });

  it('rebuilds when a stored change row is damaged', async () => {
    const { index } = await start();
    const version = await change(index, [titled('c', 'Charlie handbook')]);
    await db.searchIndex.update(`change:${String(version).padStart(16, '0')}`, {
      docs: 'not a list',
    } as never);
    const fresh = new SearchCache(db);
    const loaded = await fresh.get();
    expect(fresh.lastSource).toBe('built');
    expect(results(loaded)).toEqual(results(await rebuilt()));
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
