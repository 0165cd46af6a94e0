import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import {
  ackCounts,
  ackEvents,
  appendEvent,
  countAgain,
  countEvents,
  eventsOfType,
  peekEvents,
} from './outbox';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const view = (at: number) => ({ type: 'item-viewed', at, data: { itemId: 'a' } });

describe('appendEvent', () => {
  it('returns increasing seqs when events are appended', async () => {
    const first = await appendEvent(db, view(1));
    const second = await appendEvent(db, view(2));
    expect(second).toBeGreaterThan(first);
  });

  it('returns a seq above every acknowledged one when the outbox was emptied', async () => {
    const first = await appendEvent(db, view(1));
    await ackEvents(db, first);
    expect(await appendEvent(db, view(2))).toBeGreaterThan(first);
  });

  it('returns the newest events when the limit drops the oldest', async () => {
    for (const at of [1, 2, 3, 4]) await appendEvent(db, view(at), 3);
    expect((await peekEvents(db, 10)).map((e) => e.at)).toEqual([2, 3, 4]);
  });
});

describe('peekEvents', () => {
  it('returns the oldest batch in seq order and leaves it queued', async () => {
    for (const at of [1, 2, 3]) await appendEvent(db, view(at));
    const batch = await peekEvents(db, 2);
    expect(batch.map((e) => e.at)).toEqual([1, 2]);
    expect(batch[0]).toMatchObject({ type: 'item-viewed', data: { itemId: 'a' } });
    expect(await countEvents(db)).toBe(3);
  });
});

describe('ackEvents', () => {
  it('returns the number removed and keeps events after the acknowledged seq', async () => {
    const seqs = [];
    for (const at of [1, 2, 3]) seqs.push(await appendEvent(db, view(at)));
    expect(await ackEvents(db, seqs[1]!)).toBe(2);
    expect((await peekEvents(db, 10)).map((e) => e.seq)).toEqual([seqs[2]]);
  });
});

describe('eventsOfType', () => {
  it('returns only events of that type, in seq order', async () => {
    await appendEvent(db, view(1));
    await appendEvent(db, { type: 'vote', at: 2 });
    await appendEvent(db, view(3));
    expect((await eventsOfType(db, 'item-viewed')).map((e) => e.at)).toEqual([1, 3]);
  });
});

describe('countAgain', () => {
  it('returns true and raises the count and time when the event is still queued', async () => {
    const seq = await appendEvent(db, view(1));
    expect(await countAgain(db, seq, 5)).toBe(true);
    expect(await countAgain(db, seq, 9)).toBe(true);
    expect(await peekEvents(db, 10)).toMatchObject([{ seq, count: 3, at: 9 }]);
  });

  it('returns false when the event was already acknowledged', async () => {
    const seq = await appendEvent(db, view(1));
    await ackEvents(db, seq);
    expect(await countAgain(db, seq, 5)).toBe(false);
    expect(await countEvents(db)).toBe(0);
  });
});

describe('ackCounts', () => {
  it('returns the number removed and leaves unlisted events, even older ones', async () => {
    const older = await appendEvent(db, view(1));
    const sent = await appendEvent(db, view(2));
    const newer = await appendEvent(db, view(3));
    expect(await ackCounts(db, new Map([[sent, 1]]))).toBe(1);
    expect((await peekEvents(db, 10)).map((e) => e.seq)).toEqual([older, newer]);
  });

  it('keeps the occurrences counted again after the event was read', async () => {
    const seq = await appendEvent(db, view(1));
    await countAgain(db, seq, 2);
    expect(await ackCounts(db, new Map([[seq, 1]]))).toBe(0);
    expect(await peekEvents(db, 10)).toMatchObject([{ seq, count: 1 }]);
  });

  it('ignores seqs that are no longer queued', async () => {
    expect(await ackCounts(db, new Map([[42, 1]]))).toBe(0);
  });
});
