import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSyncState, type WaymarkDatabase } from '@/lib/db';
import { app, article, testDatabase, tip } from '@/lib/db/test-support';
import type { FeedPage } from '@/lib/content-model';
import { engineFor, storedItems } from './engine-test-support';
import { FakeFeed, type Fault } from './fake-feed';

/** The sync engine's less travelled paths: failing listeners, stalled feeds, a feed changing mid-rebuild. */
let db: WaymarkDatabase;
let feed: FakeFeed;
beforeEach(() => {
  db = testDatabase();
  // Five entries, two per page: a first sync (a rebuild) reads three pages.
  feed = new FakeFeed()
    .putItems(article('a'), article('b'), tip('t'), article('c'))
    .putApps(app('zendesk'));
});
afterEach(() => db.close());

const t0 = Date.parse('2026-11-28T12:00:00Z');
/** A fault that changes nothing: it lets a later request carry the fault that matters. */
const pass: Fault = { gate: Promise.resolve() };
const pageBody = (page: FeedPage): Fault => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(page),
});

describe('sync engine listeners', () => {
  it('keeps the synced content and logs it when a change listener throws', async () => {
    const { engine, logs } = engineFor(db, feed, {
      onChanged: () => {
        throw new Error('index full');
      },
    });
    expect(await engine.syncNow()).toMatchObject({ status: 'synced' });
    expect(await storedItems(db)).toEqual(['a@1', 'b@1', 'c@1', 't@1']);
    expect(logs).toContain('Waymark sync: a change listener failed: Error: index full');
  });

  it('hands each page a rebuild stages to the staging listener, and survives it throwing', async () => {
    const staged: string[][] = [];
    const { engine } = engineFor(db, feed, {
      onStaged: (page) => staged.push(page.items.map((i) => i.id)),
    });
    await engine.syncNow();
    expect(staged).toEqual([['a', 'b'], ['t', 'c'], []]);

    const failing = engineFor(testDatabase(), feed, {
      onStaged: () => {
        throw new Error('no room');
      },
    });
    expect(await failing.engine.syncNow()).toMatchObject({ status: 'synced', upserted: 4 });
    expect(failing.logs).toContain('Waymark sync: a staging listener failed: Error: no room');
  });

  it('tells the change listener only about pages that changed something', async () => {
    const { engine, changes } = engineFor(db, feed);
    await engine.syncNow();
    feed.putItems(article('d'));
    feed.failNext({ replay: 1 }); // the last page again: nothing new in it
    await engine.syncNow();
    await engine.syncNow();
    expect(changes.every((c) => c.changed)).toBe(true);
    expect(changes.map((c) => c.upserted)).toEqual([['a', 'b', 't', 'c'], ['d']]);
  });

  it('runs with hooks that leave out afterApply', async () => {
    const fetched: string[] = [];
    const { engine } = engineFor(db, feed, {
      hooks: { afterFetch: (o) => void fetched.push(o.kind) },
    });
    expect(await engine.syncNow()).toMatchObject({ status: 'synced' });
    expect(fetched).toEqual(['page', 'page', 'page']);
  });
});

describe('sync engine results', () => {
  it('requests no page after the last one of a rebuild, and keeps its tag and the sync time', async () => {
    await engineFor(db, feed).engine.syncNow();
    expect(feed.feedRequests()).toHaveLength(3);
    expect(await getSyncState(db)).toMatchObject({ etag: '"4-5"', lastSyncAt: t0 });
  });

  it('returns retry-later naming what failed when saving a page fails', async () => {
    const { engine } = engineFor(db, feed, {
      hooks: {
        afterApply: () => {
          throw new Error('disk full');
        },
      },
    });
    expect(await engine.syncNow()).toMatchObject({
      status: 'retry-later',
      error: 'The synced content could not be saved (disk full)',
    });
  });

  it('records a rejected token in place of an earlier error and drops the retry it scheduled', async () => {
    const { engine } = engineFor(db, feed);
    feed.failNext('html');
    await engine.syncNow();
    expect((await getSyncState(db)).nextAttemptAt).toBeDefined();
    feed.token = 'rotated';
    await engine.syncNow();
    expect(await getSyncState(db)).toMatchObject({
      lastError: 'Your sign-in token was rejected — sign in again',
      nextAttemptAt: undefined,
    });
  });

  it('logs why a run will be retried, and each short wait within it', async () => {
    const { engine, logs } = engineFor(db, feed);
    feed.failNext({ status: 503 }, 'html');
    await engine.syncNow();
    expect(logs).toEqual([
      expect.stringMatching(/^Waymark sync: .*503.*; trying again in 500 ms$/),
      expect.stringMatching(
        /^Waymark sync: The server answered with something that is not a Waymark feed/,
      ),
    ]);
  });

  it('waits within the run for a Retry-After of exactly the longest short wait (30 s)', async () => {
    const { engine, sleeps } = engineFor(db, feed);
    feed.failNext({ status: 429, headers: { 'retry-after': '30' } });
    expect(await engine.syncNow()).toMatchObject({ status: 'synced' });
    expect(sleeps).toEqual([30_000]);
  });
});

describe('sync engine against a misbehaving feed', () => {
  it('stops with an error when the feed says "more" but repeats the cursor it was asked for', async () => {
    const { engine } = engineFor(db, feed);
    await engine.syncNow();
    feed.failNext(pageBody({ items: [], apps: [], deleted: [], cursor: 'c5', more: true }));
    const result = await engine.syncNow();
    expect(result.status === 'retry-later' && result.error).toContain(
      'the feed said "more" but did not move past cursor "c5"',
    );
  });

  it('stops a rebuild whose next page repeats the previous cursor', async () => {
    feed.failNext(pass, { replay: 1 });
    const result = await engineFor(db, feed).engine.syncNow();
    expect(result.status === 'retry-later' && result.error).toContain(
      'did not move past cursor "c2"',
    );
    expect(await db.items.count()).toBe(0);
  });

  it.each([
    ['expires its cursor (410)', { status: 410 }],
    ['answers 304', { status: 304 }],
  ] as [string, Fault][])(
    'retries later, storing nothing, when the feed %s in the middle of a rebuild',
    async (_, fault) => {
      feed.failNext(pass, fault);
      expect(await engineFor(db, feed).engine.syncNow()).toMatchObject({
        status: 'retry-later',
        error: 'The feed changed while it was being read from the start',
      });
      expect(await db.items.count()).toBe(0);
    },
  );
});
