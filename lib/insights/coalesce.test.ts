import { describe, expect, it } from 'vitest';
import { coalesceKey, fold } from './coalesce';
import type { EventOf } from './events';
import { day, sampleEvents } from './test-events';

const shown = sampleEvents[0] as EventOf<'suggestion_shown'>;
const feedback = (
  helpful: boolean,
  extra: Partial<EventOf<'feedback'>> = {},
): EventOf<'feedback'> => ({
  type: 'feedback',
  v: 1,
  day,
  item: 'refunds',
  helpful,
  ...extra,
});

describe('coalesceKey', () => {
  it('returns the same key for the same item, screen and day, another for another day', () => {
    expect(coalesceKey({ ...shown, count: 9 })).toBe(coalesceKey(shown));
    expect(coalesceKey({ ...shown, day: '2026-06-16' })).not.toBe(coalesceKey(shown));
    expect(coalesceKey({ ...shown, screen: 'list' })).not.toBe(coalesceKey(shown));
  });

  it('returns undefined for events that never fold', () => {
    for (const type of [
      'suggestion_opened',
      'search',
      'quiz_answer',
      'lesson_step',
      'path_completed',
    ])
      expect(coalesceKey(sampleEvents.find((e) => e.type === type)!)).toBeUndefined();
  });
});

describe('fold', () => {
  it('adds counts', () => {
    expect(fold(shown, { ...shown, count: 2 })).toEqual({
      kind: 'replace',
      event: { ...shown, count: 5 },
    });
  });

  it('keeps rows apart when the count would pass its maximum', () => {
    expect(fold({ ...shown, count: 999_999 }, { ...shown, count: 2 })).toEqual({
      kind: 'separate',
    });
  });

  it('keeps "opened" once any view of the record opened guidance', () => {
    const view = sampleEvents.find(
      (e) => e.type === 'record_guidance',
    ) as EventOf<'record_guidance'>;
    const folded = fold({ ...view, opened: true }, { ...view, opened: false });
    expect(folded).toEqual({ kind: 'replace', event: { ...view, opened: true } });
  });

  it('replaces an unsent answer, keeping what it replaced on the server', () => {
    const queued = feedback(false, { replaces: { helpful: true } });
    const next = feedback(false, { reason: 'outdated', replaces: { helpful: false } });
    expect(fold(queued, next)).toEqual({
      kind: 'replace',
      event: feedback(false, { reason: 'outdated', replaces: { helpful: true } }),
    });
  });

  it('cancels out an answer changed back to what the server already has', () => {
    const queued = feedback(false, { replaces: { helpful: true } });
    expect(fold(queued, feedback(true, { replaces: { helpful: false } }))).toEqual({
      kind: 'cancel',
    });
  });
});
