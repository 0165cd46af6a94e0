import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  recordEvents,
  dismissTip,
  getSyncState,
  goToStep,
  openDatabase,
  setVote,
  type WaymarkDatabase,
} from '@/lib/db';
import { app, article, fakeIndexedDb, lesson, testDatabase, tip } from '@/lib/db/test-support';
import type { ContentChange } from './apply';
import { engineFor, storedItems } from './engine-test-support';
import { FakeFeed } from './fake-feed';

let db: WaymarkDatabase;
let feed: FakeFeed;
beforeEach(() => {
  db = testDatabase();
  feed = new FakeFeed().putItems(article('a'), article('b'), tip('t')).putApps(app('zendesk'));
});
afterEach(() => db.close());

const crash = () => {
  throw new Error('service worker killed');
};
const more = () =>
  feed.putItems(article('c'), article('d'), article('e'), article('f'), article('g'));
const all = ['a@1', 'b@1', 'c@1', 'd@1', 'e@1', 'f@1', 'g@1', 't@1'];
const upsertedIn = (changes: ContentChange[]) => changes.flatMap((c) => c.upserted);

describe('sync engine under faults', () => {
  it('changes nothing when the same page is delivered twice', async () => {
    const { engine, changes } = engineFor(db, feed);
    await engine.syncNow();
    feed.failNext({ replay: 1 });
    expect(await engine.syncNow()).toMatchObject({
      status: 'synced',
      pages: 1,
      upserted: 0,
      contentVersion: 1,
    });
    expect(changes).toHaveLength(1);
  });

  it('keeps the newer item when an older page arrives after a newer one', async () => {
    const { engine } = engineFor(db, feed);
    await engine.syncNow();
    feed.putItems({ ...article('a'), version: 2 });
    await engine.syncNow();
    feed.failNext({ replay: 3 }); // the first page again, with a@1 and an older cursor
    expect(await engine.syncNow()).toMatchObject({
      status: 'synced',
      upserted: 0,
      contentVersion: 2,
    });
    expect(await storedItems(db)).toEqual(['a@2', 'b@1', 't@1']);
  });

  it('resumes from the last applied page when killed between fetch and apply', async () => {
    const first = engineFor(db, feed);
    await first.engine.syncNow();
    more();
    let fetched = 0;
    const dying = engineFor(db, feed, {
      hooks: { afterFetch: () => (++fetched === 2 ? crash() : undefined) },
    });
    await dying.engine.syncNow();
    expect((await getSyncState(db)).cursor).toBe('c6');
    const next = engineFor(db, feed);
    expect(await next.engine.syncNow()).toMatchObject({ status: 'synced', pages: 2 });
    expect(feed.feedRequests().at(-2)!.searchParams.get('cursor')).toBe('c6');
    expect(await storedItems(db)).toEqual(all);
    expect(upsertedIn([...dying.changes, ...next.changes])).toEqual(['c', 'd', 'e', 'f', 'g']);
  });

  it('resumes from the applied page when killed between apply and the next page', async () => {
    await engineFor(db, feed).engine.syncNow();
    more();
    const dying = engineFor(db, feed, { hooks: { afterApply: crash } });
    await dying.engine.syncNow();
    const next = engineFor(db, feed);
    await next.engine.syncNow();
    expect(feed.feedRequests().at(-2)!.searchParams.get('cursor')).toBe('c6');
    expect(await storedItems(db)).toEqual(all);
    expect((await getSyncState(db)).contentVersion).toBe(4);
  });

  it('rebuilds aside on a 410 mid-way, never showing another connection an empty store', async () => {
    const idb = fakeIndexedDb();
    db = openDatabase('rebuild', idb);
    const other = openDatabase('rebuild', idb);
    await engineFor(db, feed).engine.syncNow();
    more();
    let release = () => {};
    let reached = () => {};
    const paused = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const expire = () => {
      feed.expired.add('c6');
      feed.delete('item', 'a');
      feed.failNext({ gate: Promise.resolve() }, { gate: Promise.resolve() }, { gate, reached });
    };
    let applied = 0;
    const { engine, changes } = engineFor(db, feed, {
      hooks: { afterApply: () => (++applied === 1 ? expire() : undefined) },
    });
    const sync = engine.syncNow();
    await paused;
    expect(await storedItems(other)).toEqual(['a@1', 'b@1', 'c@1', 'd@1', 't@1']);
    release();
    expect(await sync).toMatchObject({ status: 'synced' });
    expect(await storedItems(other)).toEqual(all.filter((id) => id !== 'a@1'));
    expect(changes.at(-1)).toMatchObject({ deleted: ['a'] });
    other.close();
  });

  it('syncs the same way when the client clock is off by a week', async () => {
    const week = 7 * 24 * 3600_000;
    const skewed = testDatabase();
    const retryAt = {
      'retry-after': 'Sat, 28 Nov 2026 12:10:00 GMT',
      date: 'Sat, 28 Nov 2026 12:00:00 GMT',
    };
    const results = [];
    for (const [store, clock] of [
      [db, Date.parse('2026-11-28T12:00:00Z')],
      [skewed, Date.parse('2026-11-28T12:00:00Z') + week],
    ] as const) {
      const { engine } = engineFor(store, feed, { clock });
      await engine.syncNow();
      feed.failNext({ status: 429, headers: retryAt });
      const result = await engine.syncNow();
      results.push({
        items: await storedItems(store),
        cursor: (await getSyncState(store)).cursor,
        wait: result.status === 'retry-later' ? result.nextAttemptAt - clock : undefined,
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.wait).toBe(600_000);
    skewed.close();
  });

  it('leaves learner progress, dismissals, votes and the outbox untouched by syncs and rebuilds', async () => {
    feed.putItems(lesson('l'));
    const { engine } = engineFor(db, feed);
    await engine.syncNow();
    await goToStep(db, 'l', 1, 5);
    await dismissTip(db, 't', 6);
    await setVote(db, 'a', true, 7);
    await recordEvents(db, [{ type: 'path_completed', v: 1, day: '2026-06-15', path: 'p' }], {
      at: 8,
    });
    feed.delete('item', 't').delete('item', 'a').delete('item', 'l');
    await engine.syncNow();
    feed.expired.add((await getSyncState(db)).cursor!);
    expect(await engine.syncNow()).toMatchObject({ status: 'synced' });
    const counts = [db.lessonProgress, db.dismissals, db.votes, db.outbox].map((t) => t.count());
    expect(await Promise.all(counts)).toEqual([1, 1, 1, 1]);
  });
});
