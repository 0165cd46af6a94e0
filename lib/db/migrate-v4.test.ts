import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaV1, schemaV3, type WaymarkDatabase } from './database';
import { schemaV2 } from './database';
import { coalesceKey } from '@/lib/insights';
import { peekEvents, recordEvents } from './outbox';
import { fakeIndexedDb } from './test-support';

const NAME = 'waymark-v4';
const opened: Dexie[] = [];
afterEach(() => opened.forEach((d) => d.close()));

const at = Date.parse('2026-06-14T22:00:00Z');

async function seedV3(idb: ReturnType<typeof fakeIndexedDb>) {
  const v3 = new Dexie(NAME, idb);
  v3.version(1).stores(schemaV1);
  v3.version(2).stores(schemaV2);
  v3.version(3).stores(schemaV3);
  await v3.table('outbox').bulkAdd([
    { type: 'view', at, data: { id: 'refunds', type: 'article' } },
    {
      type: 'tip-unresolved',
      at,
      data: { id: 'priority', app: 'zendesk', screen: null },
      count: 4,
    },
    { type: 'vote', at, data: { id: 'refunds', helpful: true } },
    { type: 'lesson-completed', at, data: { id: 'triage' } },
    { type: 'tip-unresolved', at, data: { id: 'Not a slug', app: 'zendesk', screen: 'ticket' } },
  ]);
  v3.close();
}

describe('upgrade to v4', () => {
  it('turns broken-anchor counts and votes into typed events and drops what cannot be one', async () => {
    const idb = fakeIndexedDb();
    await seedV3(idb);
    const db: WaymarkDatabase = openDatabase(NAME, idb);
    opened.push(db);
    const rows = await peekEvents(db, 10);
    expect(rows.map((row) => row.key)).toEqual(rows.map((row) => coalesceKey(row.event)));
    expect(rows.map(({ seq, event }) => ({ seq, event }))).toEqual([
      {
        seq: 2,
        event: {
          type: 'tip_unresolved',
          v: 1,
          day: '2026-06-14',
          app: 'zendesk',
          tip: 'priority',
          count: 4,
        },
      },
      {
        seq: 3,
        event: { type: 'feedback', v: 1, day: '2026-06-14', item: 'refunds', helpful: true },
      },
    ]);
  });

  it('keeps seqs growing past the upgraded rows and folds new repeats into them', async () => {
    const idb = fakeIndexedDb();
    await seedV3(idb);
    const db = openDatabase(NAME, idb);
    opened.push(db);
    const unresolved = {
      type: 'tip_unresolved',
      v: 1,
      day: '2026-06-14',
      app: 'zendesk',
      tip: 'priority',
      count: 1,
    } as const;
    await recordEvents(
      db,
      [unresolved, { type: 'path_completed', v: 1, day: '2026-06-14', path: 'p' }],
      { at },
    );
    const rows = await peekEvents(db, 10);
    expect(rows.map((r) => r.seq)).toEqual([2, 3, 6]);
    expect(rows[0]!.event).toMatchObject({ count: 5 });
  });
});
