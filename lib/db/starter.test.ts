import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDefinition, Item } from '@/lib/content-model';
import type { WaymarkDatabase } from './database';
import { dismissTip } from './dismissals';
import { allItems, countItems } from './items';
import { getSyncState, updateSyncState } from './meta';
import { goToStep } from './progress';
import { ensureStarterContent } from './starter';
import { app, article, lesson, testDatabase, tip } from './test-support';
import { setVote } from './votes';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const packV1 = { items: [article('a'), tip('t'), lesson('l')], apps: [app('zendesk')] };
const packV2 = { items: [article('a'), { ...tip('t'), version: 2 }], apps: [app('zendesk')] };
const install = { reason: 'install' } as const;
const update = { reason: 'update' } as const;

describe('ensureStarterContent', () => {
  it('returns loaded with version 1 when the store is empty', async () => {
    expect(await ensureStarterContent(db, packV1, install)).toEqual({
      outcome: 'loaded',
      reason: 'install',
      contentVersion: 1,
      items: 3,
      apps: 1,
    });
    expect(await getSyncState(db)).toMatchObject({ source: 'starter-pack', contentVersion: 1 });
  });

  it('returns unchanged and keeps the version when the same content comes again in another order', async () => {
    await ensureStarterContent(db, packV1, install);
    const again = { items: [...packV1.items].reverse(), apps: packV1.apps };
    expect(await ensureStarterContent(db, again, update)).toMatchObject({
      outcome: 'unchanged',
      contentVersion: 1,
    });
  });

  it('returns loaded with the next version and only the new items when the content changed', async () => {
    await ensureStarterContent(db, packV1, install);
    expect(await ensureStarterContent(db, packV2, update)).toMatchObject({
      outcome: 'loaded',
      contentVersion: 2,
      items: 2,
    });
    expect((await allItems(db)).map((i) => [i.id, i.version])).toEqual([
      ['a', 1],
      ['t', 2],
    ]);
  });

  it('returns loaded again when the store lost its items though the hash matches', async () => {
    await ensureStarterContent(db, packV1, install);
    await db.items.clear();
    expect((await ensureStarterContent(db, packV1, update)).outcome).toBe('loaded');
    expect(await countItems(db)).toBe(3);
  });

  it('leaves progress, dismissals and votes untouched when it loads new content', async () => {
    await ensureStarterContent(db, packV1, install);
    await goToStep(db, 'l', 1, 5);
    await dismissTip(db, 't', 6);
    await setVote(db, 'a', true, 7);
    await ensureStarterContent(db, packV2, update);
    expect(await db.lessonProgress.count()).toBe(1);
    expect(await db.dismissals.count()).toBe(1);
    expect(await db.votes.count()).toBe(1);
  });

  it('returns server-content and changes nothing when the store was synced from a server', async () => {
    await updateSyncState(db, { source: 'server', contentVersion: 7, cursor: 'c' });
    expect(await ensureStarterContent(db, packV1, update)).toMatchObject({
      outcome: 'server-content',
      contentVersion: 7,
      items: 0,
    });
    expect(await getSyncState(db)).toMatchObject({
      source: 'server',
      contentVersion: 7,
      cursor: 'c',
    });
  });

  it('keeps the previous content and version when writing the new bundle fails', async () => {
    await ensureStarterContent(db, packV1, install);
    const broken = {
      ...packV2,
      items: [...packV2.items, { ...article('x'), id: undefined } as unknown as Item],
    };
    await expect(ensureStarterContent(db, broken, update)).rejects.toThrow();
    expect((await allItems(db)).map((i) => i.id).sort()).toEqual(['a', 'l', 't']);
    expect((await getSyncState(db)).contentVersion).toBe(1);
  });

  it('keeps the previous items when writing the apps fails', async () => {
    await ensureStarterContent(db, packV1, install);
    const broken = {
      ...packV2,
      apps: [{ ...app('x'), id: undefined } as unknown as AppDefinition],
    };
    await expect(ensureStarterContent(db, broken, update)).rejects.toThrow();
    expect(await countItems(db)).toBe(3);
  });

  it('never lets a concurrent reader see an empty store while it replaces content', async () => {
    await ensureStarterContent(db, packV1, install);
    let loading = true;
    const load = ensureStarterContent(db, packV2, update).finally(() => (loading = false));
    const counts: number[] = [];
    while (loading) counts.push(await countItems(db));
    await load;
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((count) => count !== 2 && count !== 3)).toEqual([]);
  });
});
