import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Item } from '@/lib/content-model';
import { getItem, itemsForScreen } from './items';
import { openDatabase, schemaV1, type WaymarkDatabase } from './database';
import { getSetting } from './settings';
import { article, fakeIndexedDb, lesson, tip } from './test-support';
import type { V1Progress } from './migrate-v2';

const NAME = 'waymark-migration';
const opened: Dexie[] = [];
afterEach(() => opened.forEach((d) => d.close()));

const t = (iso: string) => Date.parse(iso);

/** What release 1 left behind: a database that only knows version 1, with real rows. */
async function seedV1(idb: ReturnType<typeof fakeIndexedDb>, extra: Item[], votes: unknown) {
  const v1 = new Dexie(NAME, idb);
  v1.version(1).stores(schemaV1);
  const progress: Omit<V1Progress, 'id'>[] = [
    {
      lessonId: 'triage',
      step: 1,
      done: [0],
      answers: { q1: { picked: ['a'], correct: false } },
      startedAt: '2026-10-01T09:00:00Z',
    },
    {
      lessonId: 'triage',
      step: 2,
      done: [1, 0],
      answers: { q1: { picked: ['b'], correct: true }, q2: { picked: ['c'], correct: true } },
      startedAt: '2026-10-02T09:00:00Z',
      finishedAt: '2026-10-02T09:10:00Z',
    },
    { lessonId: 'refunds', step: 0, done: [], answers: {}, startedAt: '2026-10-03T09:00:00Z' },
  ];
  await v1
    .table('items')
    .bulkAdd([article('a'), tip('t', { apps: ['zendesk'] }), lesson('triage'), ...extra]);
  await v1.table('apps').add({ id: 'zendesk', name: 'Zendesk' });
  await v1.table('progress').bulkAdd(progress);
  await v1.table('settings').bulkAdd([
    { key: 'dismissedTips', value: ['t', 'old-tip'] },
    { key: 'helpfulVotes', value: votes },
    { key: 'tipsEnabled', value: false },
  ]);
  v1.close();
}

async function upgrade(
  extra: Item[] = [],
  votes: unknown = { a: 'up', triage: 'down' },
): Promise<WaymarkDatabase> {
  const idb = fakeIndexedDb();
  await seedV1(idb, extra, votes);
  const db = openDatabase(NAME, idb);
  opened.push(db);
  await db.open();
  return db;
}

describe('upgrade from version 1', () => {
  it('returns every v1 item, wrapped and findable by the new indexes', async () => {
    const db = await upgrade();
    expect(await db.items.count()).toBe(3);
    expect(await getItem(db, 'a', vi.fn())).toEqual(article('a'));
    expect((await itemsForScreen(db, 'zendesk', 'ticket')).map((i) => i.id).sort()).toEqual([
      'a',
      't',
      'triage',
    ]);
  });

  it('returns the v1 apps unchanged', async () => {
    const db = await upgrade();
    expect(await db.apps.toArray()).toEqual([{ id: 'zendesk', name: 'Zendesk' }]);
  });

  it('returns one progress row per lesson, merging v1 rows of the same lesson', async () => {
    const db = await upgrade();
    expect(await db.lessonProgress.get('triage')).toEqual({
      lessonId: 'triage',
      currentStep: 2,
      completedSteps: [0, 1],
      answers: {
        q1: { choices: ['b'], correct: true, answeredAt: t('2026-10-02T09:10:00Z') },
        q2: { choices: ['c'], correct: true, answeredAt: t('2026-10-02T09:10:00Z') },
      },
      startedAt: t('2026-10-01T09:00:00Z'),
      updatedAt: t('2026-10-02T09:10:00Z'),
      completedAt: t('2026-10-02T09:10:00Z'),
    });
    expect(await db.lessonProgress.get('refunds')).toMatchObject({
      currentStep: 0,
      completedSteps: [],
    });
    expect(await db.lessonProgress.count()).toBe(2);
  });

  it('returns the dismissed tips from the v1 settings row in the dismissals table', async () => {
    const db = await upgrade();
    expect((await db.dismissals.toArray()).map((d) => d.tipId).sort()).toEqual(['old-tip', 't']);
  });

  it('returns the v1 votes as helpful yes/no in the votes table', async () => {
    const db = await upgrade();
    const votes = await db.votes.toArray();
    expect(votes.map(({ itemId, helpful }) => ({ itemId, helpful }))).toEqual([
      { itemId: 'a', helpful: true },
      { itemId: 'triage', helpful: false },
    ]);
  });

  it('returns the other settings and none of the moved rows', async () => {
    const db = await upgrade();
    expect(await db.settings.toArray()).toEqual([{ key: 'tipsEnabled', value: false }]);
    expect(await getSetting(db, 'tipsEnabled')).toBe(false);
  });

  it('returns no v1 progress table after the upgrade', async () => {
    const db = await upgrade();
    expect(db.backendDB().objectStoreNames.contains('progress')).toBe(false);
    expect(db.verno).toBe(4);
  });

  it('keeps a v1 item the current schema rejects, so reading can report it', async () => {
    const broken = { ...article('broken'), title: 'x' };
    const db = await upgrade([broken]);
    const report = vi.fn();
    expect(await getItem(db, 'broken', report)).toBeUndefined();
    expect(await db.items.get('broken')).toMatchObject({ item: broken });
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ id: 'broken' }));
  });

  it('keeps a v1 settings row it cannot read where it was', async () => {
    const db = await upgrade([], { a: 'maybe' });
    expect(await db.settings.get('helpfulVotes')).toEqual({
      key: 'helpfulVotes',
      value: { a: 'maybe' },
    });
    expect(await db.votes.count()).toBe(0);
  });
});
