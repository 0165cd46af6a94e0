import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  recordEvents,
  countItems,
  dismissTip,
  getSettings,
  getSyncState,
  goToStep,
  putSearchIndex,
  setSetting,
  setVote,
  type WaymarkDatabase,
} from '@/lib/db';
import { app, article, lesson, testDatabase, tip } from '@/lib/db/test-support';
import { engineFor, storedItems } from './engine-test-support';
import { FakeFeed } from './fake-feed';
import { signOut } from './sign-out';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const starter = { items: [article('welcome')], apps: [app('starter')] };

async function signedInWithHistory() {
  const feed = new FakeFeed().putItems(lesson('l'), tip('t'), article('a')).putApps(app('zendesk'));
  await engineFor(db, feed).engine.syncNow();
  await goToStep(db, 'l', 1, 5);
  await dismissTip(db, 't', 6);
  await setVote(db, 'a', true, 7);
  await recordEvents(db, [{ type: 'path_completed', v: 1, day: '2026-06-15', path: 'p' }], {
    at: 8,
  });
  await putSearchIndex(db, { contentVersion: 1, data: '{}' });
  await setSetting(db, 'role', 'agent');
  await setSetting(db, 'team', 'support');
  await setSetting(db, 'serverUrl', 'https://feed.example.com');
  await setSetting(db, 'tipsEnabled', false);
}

describe('signOut', () => {
  it('wipes the account content, progress, dismissals, votes, outbox and search index, then loads the starter pack', async () => {
    await signedInWithHistory();
    expect(await signOut(db, starter)).toMatchObject({ outcome: 'loaded', items: 1, apps: 1 });
    expect(await storedItems(db)).toEqual(['welcome@1']);
    const tables = [db.lessonProgress, db.dismissals, db.votes, db.outbox, db.searchIndex];
    expect(await Promise.all(tables.map((t) => t.count()))).toEqual([0, 0, 0, 0, 0]);
    const state = await getSyncState(db);
    expect(state).toMatchObject({ source: 'starter-pack' });
    expect([state.cursor, state.etag, state.lastSyncAt, state.lastError]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps lessons, dismissals and votes when the learner chose to, never the old outbox', async () => {
    await signedInWithHistory();
    await signOut(db, starter, { keepLearning: true });
    expect(await storedItems(db)).toEqual(['welcome@1']);
    const kept = [db.lessonProgress, db.dismissals, db.votes, db.outbox, db.searchIndex];
    expect(await Promise.all(kept.map((t) => t.count()))).toEqual([1, 1, 1, 0, 0]);
  });

  it('keeps contentVersion growing so no cached search index of the account is reused', async () => {
    await signedInWithHistory();
    const before = (await getSyncState(db)).contentVersion;
    expect((await signOut(db, starter)).contentVersion).toBeGreaterThan(before);
  });

  it('forgets the account role and team but keeps the server address and device switches', async () => {
    await signedInWithHistory();
    await signOut(db, starter);
    expect(await getSettings(db)).toMatchObject({
      serverUrl: 'https://feed.example.com',
      tipsEnabled: false,
    });
    const { role, team } = await getSettings(db);
    expect([role, team]).toEqual([undefined, undefined]);
  });

  it('never lets a concurrent reader see an empty store', async () => {
    await signedInWithHistory();
    let running = true;
    const done = signOut(db, starter).finally(() => (running = false));
    const counts: number[] = [];
    while (running) counts.push(await countItems(db));
    await done;
    expect(counts.filter((n) => n === 0)).toEqual([]);
  });
});
