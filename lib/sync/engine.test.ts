import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureStarterContent, getSyncState, type WaymarkDatabase } from '@/lib/db';
import { app, article, testDatabase, tip } from '@/lib/db/test-support';
import { BACKOFF } from './backoff';
import { engineFor, storedItems } from './engine-test-support';
import { FakeFeed } from './fake-feed';
import { createStaticTransport } from './static-transport';

let db: WaymarkDatabase;
let feed: FakeFeed;
beforeEach(() => {
  db = testDatabase();
  feed = new FakeFeed().putItems(article('a'), article('b'), tip('t')).putApps(app('zendesk'));
});
afterEach(() => db.close());

const t0 = Date.parse('2026-11-28T12:00:00Z');

describe('createSyncEngine syncNow', () => {
  it('returns synced and replaces the starter pack with the server feed on the first sync', async () => {
    await ensureStarterContent(
      db,
      { items: [article('starter')], apps: [] },
      { reason: 'install' },
    );
    const result = await engineFor(db, feed).engine.syncNow();
    expect(result).toEqual({
      status: 'synced',
      contentVersion: 2,
      pages: 1,
      upserted: 3,
      deleted: 1,
    });
    expect(await storedItems(db)).toEqual(['a@1', 'b@1', 't@1']);
    expect(await getSyncState(db)).toMatchObject({ source: 'server', cursor: 'c4' });
  });

  it('returns synced after following every page while the feed says more', async () => {
    const { engine, changes } = engineFor(db, feed);
    await engine.syncNow();
    feed.putItems({ ...article('a'), version: 2 }, article('c'), article('d')).delete('item', 'b');
    const result = await engine.syncNow();
    expect(result).toMatchObject({ status: 'synced', pages: 2, upserted: 3, deleted: 1 });
    expect(await storedItems(db)).toEqual(['a@2', 'c@1', 'd@1', 't@1']);
    expect(changes.slice(1).map((c) => [c.upserted, c.deleted, c.contentVersion])).toEqual([
      [['a', 'c'], [], 2],
      [['d'], ['b'], 3],
    ]);
  });

  it('returns synced with nothing changed when the server answers 304 to the stored etag', async () => {
    const { engine } = engineFor(db, feed);
    await engine.syncNow();
    await engine.syncNow(); // the empty page after c4 carries the etag for cursor c4
    expect(await engine.syncNow()).toMatchObject({ status: 'synced', pages: 0, contentVersion: 1 });
    expect(new Headers(feed.requests.at(-1)!.init?.headers).get('if-none-match')).toBe('"4-4"');
  });

  it('runs once more after the running sync for calls made while it runs, one run for all of them', async () => {
    const { engine } = engineFor(db, feed);
    const first = engine.syncNow();
    // Published after the first run may have read the feed: the calls made now must see it.
    feed.putItems(article('late'));
    const second = engine.syncNow();
    expect(engine.syncNow()).toBe(second);
    expect(second).not.toBe(first);
    await first;
    const before = feed.feedRequests().length;
    expect(await second).toMatchObject({ status: 'synced' });
    expect(feed.feedRequests().length).toBeGreaterThan(before);
    expect(await storedItems(db)).toContain('late@1');
    const next = engine.syncNow();
    expect(next).not.toBe(second);
    await next;
  });

  it('retries 500 and 503 within the run with jittered backoff and then syncs', async () => {
    feed.failNext({ status: 500 }, { status: 503 });
    const { engine, sleeps } = engineFor(db, feed);
    expect((await engine.syncNow()).status).toBe('synced');
    expect(sleeps).toEqual([500, 1000]);
  });

  it('waits as long as a short Retry-After asks, in seconds or as an HTTP-date', async () => {
    feed.failNext(
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 429, headers: { 'retry-after': 'Sat, 28 Nov 2026 12:00:20 GMT' } },
    );
    const { engine, sleeps } = engineFor(db, feed);
    expect((await engine.syncNow()).status).toBe('synced');
    expect(sleeps).toEqual([3000, 20_000]);
  });

  it('returns retry-later with nextAttemptAt when Retry-After is too long to wait in a worker', async () => {
    feed.failNext({ status: 429, headers: { 'retry-after': '600' } });
    const { engine, sleeps } = engineFor(db, feed);
    const result = await engine.syncNow();
    expect(result).toMatchObject({ status: 'retry-later', nextAttemptAt: t0 + 600_000 });
    expect(sleeps).toEqual([]);
    expect(await getSyncState(db)).toMatchObject({ nextAttemptAt: t0 + 600_000, failures: 1 });
  });

  it('records that the server could not be reached and backs off further on each failed run', async () => {
    const { engine } = engineFor(db, feed, { random: () => 0.9999 });
    const waits: number[] = [];
    for (let run = 0; run < 3; run++) {
      feed.failNext('network', 'network', 'network', 'network');
      const result = await engine.syncNow();
      if (result.status === 'retry-later') waits.push(result.nextAttemptAt - t0);
    }
    expect(waits.map((w) => Math.round(w / 1000))).toEqual([1, 2, 4]);
    expect((await getSyncState(db)).lastError).toBe(
      'The server could not be reached (fetch failed)',
    );
    expect(waits.every((w) => w <= BACKOFF.capMs)).toBe(true);
  });

  it('records a captive portal in words and schedules another try', async () => {
    feed.failNext('html');
    const result = await engineFor(db, feed).engine.syncNow();
    const error =
      'The server answered with something that is not a Waymark feed (HTML page — a captive portal?)';
    expect(result).toMatchObject({ status: 'retry-later', error });
    expect(await getSyncState(db)).toMatchObject({ lastError: error, failures: 1 });
  });

  it('records truncated JSON without applying anything', async () => {
    feed.failNext('truncated');
    const result = await engineFor(db, feed).engine.syncNow();
    expect(result.status === 'retry-later' && result.error).toMatch(
      /not a Waymark feed \(truncated JSON: the first feed page/,
    );
    expect(await db.items.count()).toBe(0);
  });

  it('records a rejected token and schedules nothing, since only signing in again helps', async () => {
    const { engine } = engineFor(db, feed);
    feed.token = 'rotated';
    const result = await engine.syncNow();
    expect(result).toMatchObject({
      status: 'unauthorized',
      error: 'Your sign-in token was rejected — sign in again',
    });
    expect((await getSyncState(db)).nextAttemptAt).toBeUndefined();
  });

  it('clears the recorded error and backoff once a sync succeeds', async () => {
    const { engine } = engineFor(db, feed);
    feed.failNext('html');
    await engine.syncNow();
    await engine.syncNow();
    const state = await getSyncState(db);
    expect([state.lastError, state.failures, state.nextAttemptAt]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('skips an item failing the schema, logs why, and applies the rest', async () => {
    feed.putItems({ ...article('bad'), status: 'gone' });
    const { engine, logs } = engineFor(db, feed);
    expect((await engine.syncNow()).status).toBe('synced');
    expect(await storedItems(db)).toEqual(['a@1', 'b@1', 't@1']);
    expect(logs).toContainEqual(
      expect.stringMatching(/skipped item "bad" from the feed: field "status"/),
    );
  });
});

describe('createSyncEngine with a static export', () => {
  it('returns synced with every page of the export, then nothing new at its head', async () => {
    feed.exportStatic();
    const transport = createStaticTransport({
      baseUrl: 'https://cdn.example.com/static',
      fetch: feed.fetch,
    });
    const { engine } = engineFor(db, feed, { transport });
    expect(await engine.syncNow()).toMatchObject({ status: 'synced', pages: 1, upserted: 3 });
    expect(await engine.syncNow()).toMatchObject({ status: 'synced', pages: 0, contentVersion: 1 });
    feed.putItems(article('c')).exportStatic();
    await engine.syncNow();
    expect(await storedItems(db)).toEqual(['a@1', 'b@1', 'c@1', 't@1']);
  });
});
