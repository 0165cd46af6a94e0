import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import { bumpContentVersion, getSyncState, updateSyncState } from './meta';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('getSyncState', () => {
  it('returns version 0 and no source when nothing was loaded', async () => {
    expect(await getSyncState(db)).toEqual({ contentVersion: 0 });
  });

  it('returns the empty state when the stored row is damaged', async () => {
    await db.meta.put({ key: 'sync', source: 'ftp', contentVersion: -1 } as never);
    expect(await getSyncState(db)).toEqual({ contentVersion: 0 });
  });
});

describe('updateSyncState', () => {
  it('returns the merged state and clears a key set to undefined', async () => {
    await updateSyncState(db, { source: 'server', cursor: 'c1', lastSyncAt: 5 });
    await updateSyncState(db, { cursor: undefined, lastSyncAt: 9 });
    expect(await getSyncState(db)).toMatchObject({
      source: 'server',
      lastSyncAt: 9,
      contentVersion: 0,
    });
    expect((await getSyncState(db)).cursor).toBeUndefined();
  });
});

describe('bumpContentVersion', () => {
  it('returns the next version each time content changes', async () => {
    await bumpContentVersion(db);
    const state = await bumpContentVersion(db, { source: 'server', cursor: 'c2' });
    expect(state).toMatchObject({ contentVersion: 2, source: 'server', cursor: 'c2' });
  });
});

describe('updateSyncState with sync failure fields', () => {
  it('returns the etag, error, failures and next attempt, and clears them when set to undefined', async () => {
    const failing = { etag: '"e1"', lastError: 'down', failures: 2, nextAttemptAt: 99 };
    expect(await updateSyncState(db, failing)).toMatchObject(failing);
    const cleared = { lastError: undefined, failures: undefined, nextAttemptAt: undefined };
    await updateSyncState(db, cleared);
    const state = await getSyncState(db);
    expect(state).toMatchObject({ etag: '"e1"' });
    expect([state.lastError, state.failures, state.nextAttemptAt]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
