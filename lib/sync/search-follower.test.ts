import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allPublishedItems, getSearchIndex, type WaymarkDatabase } from '@/lib/db';
import { article, testDatabase } from '@/lib/db/test-support';
import { SearchCache } from '@/lib/knowledge';
import { buildIndex, itemToSearchDoc, type SearchIndex } from '@/lib/search';
import { engineFor } from './engine-test-support';
import { FakeFeed } from './fake-feed';
import { SearchFollower } from './search-follower';
import { signOut } from './sign-out';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const titled = (id: string, title: string, status = 'published', version = 1) =>
  ({ ...article(id), title, status, version }) as ReturnType<typeof article>;
const QUERIES = ['guide', 'alpha', 'charlie', 'bravo handbook', 'echo', 'gide'];
const results = (index: SearchIndex) => QUERIES.map((q) => index.search(q));
const rebuilt = async () => buildIndex((await allPublishedItems(db)).map(itemToSearchDoc));

const now = () => Promise.resolve();

function setUp(feed: FakeFeed, due: () => Promise<unknown> = now) {
  const cache = new SearchCache(db);
  const follower = new SearchFollower(db, cache, () => undefined, due);
  const { engine } = engineFor(db, feed, {
    onStaged: (page, staged) => follower.stage(page, staged),
    onChanged: (change) => follower.changed(change),
  });
  return { cache, follower, engine };
}

const feedOfFive = () =>
  new FakeFeed().putItems(
    titled('a', 'Alpha guide'),
    titled('b', 'Bravo handbook'),
    titled('c', 'Charlie guide', 'draft'),
    titled('d', 'Delta guide'),
    titled('e', 'Echo guide'),
  );

describe('SearchFollower', () => {
  it('hands the cache an index built while the pages were staged, equal to a rebuild', async () => {
    const { cache, engine } = setUp(feedOfFive());
    await cache.get(); // the starter content's index, as in the background
    await engine.syncNow();
    const index = await cache.get();
    expect(cache.lastSource).toBe('memory');
    expect(results(index)).toEqual(results(await rebuilt()));
    expect(index.search('charlie')).toEqual([]);
  });

  it('follows a newer version and a tombstone in later pages of the same rebuild', async () => {
    const feed = feedOfFive();
    feed.putItems(titled('a', 'Alpha handbook', 'published', 2)).delete('item', 'd');
    const { cache, engine } = setUp(feed);
    await engine.syncNow();
    const index = await cache.get();
    expect(index.search('alpha').map((h) => [h.id, h.title])).toEqual([['a', 'Alpha handbook']]);
    expect(index.search('delta')).toEqual([]);
    expect(results(index)).toEqual(results(await rebuilt()));
  });

  it('stores the snapshot in the background, which a fresh cache then loads', async () => {
    const { follower, engine } = setUp(feedOfFive());
    const { contentVersion } = (await engine.syncNow()) as { contentVersion: number };
    await follower.idle();
    expect((await getSearchIndex(db))?.contentVersion).toBe(contentVersion);
    const fresh = new SearchCache(db);
    expect(results(await fresh.get())).toEqual(results(await rebuilt()));
    expect(fresh.lastSource).toBe('stored');
  });

  it('writes no snapshot when the store moved on before it was due (a sign-out)', async () => {
    let open: (value?: unknown) => void = () => undefined;
    const gate = new Promise((resolve) => (open = resolve));
    const { follower, engine } = setUp(feedOfFive(), () => gate);
    await engine.syncNow();
    await signOut(db, { items: [article('starter')], apps: [] });
    open();
    await follower.idle();
    expect(await getSearchIndex(db)).toBeUndefined();
  });

  it('logs a later small change against that snapshot', async () => {
    const feed = feedOfFive();
    const { cache, engine } = setUp(feed);
    await engine.syncNow();
    feed.putItems(titled('f', 'Foxtrot guide'));
    await engine.syncNow();
    const running = await cache.get();
    expect(running.search('foxtrot').map((h) => h.id)).toEqual(['f']);
    const fresh = new SearchCache(db);
    // Snapshot + log = the running index (its semantic model is the snapshot's until the next one);
    // it finds what a rebuild finds.
    expect(results(await fresh.get())).toEqual(results(running));
    expect(fresh.lastSource).toBe('stored');
    const found = (index: SearchIndex) =>
      results(index).map((hits) => hits.map((h) => h.id).sort());
    expect(found(await fresh.get())).toEqual(found(await rebuilt()));
  });

  it('leaves a rebuild stopped midway to the next run, whose index is whole', async () => {
    const feed = feedOfFive();
    let fetches = 0;
    const cache = new SearchCache(db);
    const follower = new SearchFollower(db, cache, () => undefined, now);
    const hooks = {
      afterFetch: () => {
        fetches += 1;
        if (fetches === 2) throw new Error('worker stopped');
      },
    };
    const wired = {
      onStaged: follower.stage.bind(follower),
      onChanged: follower.changed.bind(follower),
    };
    await engineFor(db, feed, { ...wired, hooks }).engine.syncNow();
    await engineFor(db, feed, wired).engine.syncNow();
    expect(results(await cache.get())).toEqual(results(await rebuilt()));
  });
});
