import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedPage } from '@/lib/content-model';
import {
  allItems,
  dismissTip,
  getSyncState,
  goToStep,
  setVote,
  updateSyncState,
  upsertItems,
  type WaymarkDatabase,
} from '@/lib/db';
import { app, article, lesson, testDatabase, tip } from '@/lib/db/test-support';
import { applyPage } from './apply';
import { validatePage } from './validate-page';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const page = (over: Partial<FeedPage>): FeedPage => ({
  items: [],
  apps: [],
  deleted: [],
  cursor: 'c1',
  more: false,
  ...over,
});
const context = { requestCursor: 'c0', etag: '"e"', now: 1000 };
const apply = (p: FeedPage) =>
  applyPage(
    db,
    validatePage(p, () => {}),
    context,
  );

describe('validatePage', () => {
  it('returns the valid items and logs the id and field of each one skipped', () => {
    const log = vi.fn();
    const valid = validatePage(
      page({
        items: [article('a'), { ...article('b'), title: 'x' }, { nonsense: true }],
        apps: [app('z'), { id: 'y' }],
      }),
      log,
    );
    expect(valid.items.map((i) => i.id)).toEqual(['a']);
    expect(valid.apps.map((a) => a.id)).toEqual(['z']);
    expect(log.mock.calls.map(([m]) => m as string)).toEqual([
      'Waymark sync: skipped item "b" from the feed: field "title": must be at least 3 characters',
      expect.stringMatching(/^Waymark sync: skipped item #2 \(no id\) from the feed: field /),
      expect.stringMatching(/^Waymark sync: skipped app "y" from the feed: field "name": /),
    ]);
  });
});

describe('applyPage', () => {
  it('returns the changed ids and stores items, tombstones, cursor and a new version together', async () => {
    await upsertItems(db, [article('old')]);
    const change = await apply(
      page({
        items: [article('a'), tip('t')],
        apps: [app('z')],
        deleted: [{ kind: 'item', id: 'old' }],
      }),
    );
    expect(change).toEqual({
      upserted: ['a', 't'],
      deleted: ['old'],
      contentVersion: 1,
      changed: true,
    });
    expect((await allItems(db)).map((i) => i.id)).toEqual(['a', 't']);
    expect(await db.apps.count()).toBe(1);
    expect(await getSyncState(db)).toMatchObject({
      source: 'server',
      cursor: 'c1',
      lastSyncAt: 1000,
      contentVersion: 1,
    });
  });

  it('returns no change and keeps the version when the same page is applied twice', async () => {
    const p = page({
      items: [article('a')],
      apps: [app('z')],
      deleted: [{ kind: 'item', id: 'gone' }],
    });
    await apply(p);
    expect(await apply(p)).toEqual({
      upserted: [],
      deleted: [],
      contentVersion: 1,
      changed: false,
    });
  });

  it('returns no change and keeps the newer item when a page carries an older version', async () => {
    await apply(page({ items: [{ ...article('a'), version: 3, title: 'Newest' }] }));
    const change = await apply(page({ items: [{ ...article('a'), version: 2 }], cursor: 'c0' }));
    expect(change.changed).toBe(false);
    expect((await allItems(db))[0]).toMatchObject({ version: 3, title: 'Newest' });
  });

  it('returns the item as deleted, not upserted, when a page holds an item and its tombstone', async () => {
    const change = await apply(
      page({ items: [article('a')], deleted: [{ kind: 'item', id: 'a' }] }),
    );
    expect(change).toMatchObject({ upserted: [], deleted: ['a'] });
    expect(await db.items.count()).toBe(0);
  });

  it('removes app definitions named by app tombstones', async () => {
    await apply(page({ apps: [app('z'), app('y')] }));
    await apply(page({ deleted: [{ kind: 'app', id: 'z' }], cursor: 'c2' }));
    expect(await db.apps.toCollection().primaryKeys()).toEqual(['y']);
  });

  it('removes only the kind a tombstone names when an item and an app share an id', async () => {
    await apply(page({ items: [article('z')], apps: [app('z')] }));
    await apply(page({ deleted: [{ kind: 'app', id: 'z' }], cursor: 'c2' }));
    expect((await allItems(db)).map((i) => i.id)).toEqual(['z']);
    expect(await db.apps.count()).toBe(0);
  });

  it('returns a change and a new version for a page of only tombstones, or an app and a tombstone', async () => {
    await apply(page({ items: [article('a'), article('b')], apps: [app('z')] }));
    const removals = await apply(
      page({
        deleted: [
          { kind: 'item', id: 'a' },
          { kind: 'app', id: 'z' },
        ],
        cursor: 'c2',
      }),
    );
    expect(removals).toMatchObject({ changed: true, contentVersion: 2 });
    const mixed = await apply(
      page({ apps: [app('y')], deleted: [{ kind: 'item', id: 'b' }], cursor: 'c3' }),
    );
    expect(mixed).toMatchObject({ changed: true, contentVersion: 3 });
  });

  it('keeps the etag of the last page (the "caught up" tag) and drops one with more after it', async () => {
    await apply(page({ items: [article('a')], cursor: 'c5', more: false }));
    expect((await getSyncState(db)).etag).toBe('"e"');
    await apply(page({ items: [article('b')], cursor: 'c6', more: true }));
    expect((await getSyncState(db)).etag).toBeUndefined();
  });

  it('leaves learner progress, dismissals and votes untouched', async () => {
    await goToStep(db, 'l', 1, 5);
    await dismissTip(db, 't', 6);
    await setVote(db, 'a', true, 7);
    await apply(page({ items: [lesson('l'), tip('t')], deleted: [{ kind: 'item', id: 'a' }] }));
    expect(await db.lessonProgress.count()).toBe(1);
    expect(await db.dismissals.count()).toBe(1);
    expect(await db.votes.count()).toBe(1);
  });

  it('keeps the previous items and cursor when writing the page fails', async () => {
    await updateSyncState(db, { source: 'server', cursor: 'c0' });
    await upsertItems(db, [article('keep')]);
    const broken = { ...validatePage(page({ items: [article('a')] }), () => {}) };
    broken.items.push({ ...article('x'), id: undefined } as never);
    await expect(applyPage(db, broken, context)).rejects.toThrow();
    expect((await allItems(db)).map((i) => i.id)).toEqual(['keep']);
    expect((await getSyncState(db)).cursor).toBe('c0');
  });
});
