import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventOf, InsightEvent } from '@/lib/insights';
import type { WaymarkDatabase } from './database';
import {
  countEvents,
  eventsOfType,
  peekEvents,
  purgeEvents,
  recordEvents,
  removeEvents,
  sealBatch,
} from './outbox';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const at = Date.parse('2026-06-15T09:30:00Z');
const day = '2026-06-15';
const shown = (tip = 'priority', count = 1): EventOf<'tip_shown'> => ({
  type: 'tip_shown',
  v: 1,
  day,
  app: 'zendesk',
  screen: 'ticket',
  tip,
  count,
});
const step = (n: number): EventOf<'lesson_step'> => ({
  type: 'lesson_step',
  v: 1,
  day,
  lesson: 'triage',
  step: n,
});
const record = (...events: InsightEvent[]) => recordEvents(db, events, { at });
const queued = async () => (await peekEvents(db, 100)).map((row) => row.event);

describe('recordEvents', () => {
  it('queues events with growing seqs, in order', async () => {
    await record(step(0), step(1));
    const rows = await peekEvents(db, 10);
    expect(rows.map((r) => r.event)).toEqual([step(0), step(1)]);
    expect(rows[1]!.seq).toBeGreaterThan(rows[0]!.seq);
  });

  it('folds repeats into the open row of the same tip, screen and day', async () => {
    await record(shown(), shown('other'), shown());
    expect(await queued()).toEqual([shown('priority', 2), shown('other')]);
  });

  it('starts a new row for a repeat once the open one was sealed, and never changes the sealed one', async () => {
    await record(shown());
    const [sealed] = await sealBatch(db, 10);
    await record(shown(), shown());
    expect(await peekEvents(db, 10)).toEqual([
      { seq: sealed!.seq, event: shown(), sealed: 1 },
      expect.objectContaining({ event: shown('priority', 2) }),
    ]);
  });

  it('deletes an unsent answer that was changed back', async () => {
    const item = { type: 'feedback', v: 1, day, item: 'refunds' } as const;
    await record({ ...item, helpful: false, replaces: { helpful: true } });
    await record({ ...item, helpful: true, replaces: { helpful: false } });
    expect(await countEvents(db)).toBe(0);
  });

  it('drops the oldest past the limit and queues how many went, carrying earlier drops on', async () => {
    const dropped = (count: number) => ({ type: 'outbox_dropped', v: 1, day, count });
    await recordEvents(db, [step(0), step(1), step(2)], { at, limit: 2 });
    expect(await queued()).toEqual([step(1), step(2), dropped(1)]);
    await recordEvents(db, [step(3), step(4)], { at, limit: 2 });
    // step(1), step(2) and the counter (1) went: the new counter says 3 events were lost.
    expect(await queued()).toEqual([step(3), step(4), dropped(3)]);
  });
});

describe('sealBatch', () => {
  it('returns the oldest rows sealed, and leaves them queued', async () => {
    await record(step(0), step(1), step(2));
    const batch = await sealBatch(db, 2);
    expect(batch.map((r) => [r.event, r.sealed])).toEqual([
      [step(0), 1],
      [step(1), 1],
    ]);
    expect(await countEvents(db)).toBe(3);
  });

  it('deletes rows the policy no longer allows instead of returning them', async () => {
    await record(step(0), shown(), step(1));
    const batch = await sealBatch(db, 10, (e) => e.type !== 'lesson_step');
    expect(batch.map((r) => r.event)).toEqual([shown()]);
    expect(await queued()).toEqual([shown()]);
  });
});

describe('removeEvents', () => {
  it('removes exactly the listed seqs, even out of order, and ignores unknown ones', async () => {
    await record(step(0), step(1), step(2));
    const [a, , c] = await peekEvents(db, 10);
    expect(await removeEvents(db, [c!.seq, a!.seq, 9_999])).toBe(2);
    expect(await queued()).toEqual([step(1)]);
  });
});

describe('purgeEvents and eventsOfType', () => {
  it('purges what is no longer allowed and finds rows by type', async () => {
    await record(step(0), shown(), step(1));
    expect((await eventsOfType(db, 'lesson_step')).map((r) => r.event)).toEqual([step(0), step(1)]);
    expect(await purgeEvents(db, (e) => e.type === 'tip_shown')).toBe(2);
    expect(await queued()).toEqual([shown()]);
  });
});
