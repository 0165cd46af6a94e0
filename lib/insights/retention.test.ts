import { describe, expect, it } from 'vitest';
import { retentionCutoffs, weekOf } from './retention';

describe('retentionCutoffs', () => {
  it('returns the days before which each kind of data is deleted', () => {
    expect(retentionCutoffs('2026-06-15')).toEqual({
      rawEventsBefore: '2026-03-17', // − 90 days
      queryWordsBefore: '2026-05-16', // − 30 days
      rollupsBefore: '2024-05-15', // − 25 months
      saltWeeksBefore: '2026-06-08', // the Monday before this week's (a week of grace)
    });
  });

  it('keeps the salt of last week all this week, and no older one', () => {
    expect(retentionCutoffs('2026-06-21').saltWeeksBefore).toBe('2026-06-08'); // a Sunday
    expect(retentionCutoffs('2026-06-22').saltWeeksBefore).toBe('2026-06-15'); // the next Monday
  });

  it('keeps rollups to the last day of a shorter month', () => {
    expect(retentionCutoffs('2026-07-31').rollupsBefore).toBe('2024-06-30');
  });
});

describe('weekOf', () => {
  it('returns the Monday of the week', () => {
    expect(weekOf('2026-06-15')).toBe('2026-06-15'); // a Monday
    expect(weekOf('2026-06-21')).toBe('2026-06-15'); // the Sunday after
    expect(weekOf('2026-01-01')).toBe('2025-12-29');
  });
});
