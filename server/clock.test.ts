import { describe, expect, it } from 'vitest';
import { dateInDays } from './clock';

describe('dateInDays', () => {
  it('returns the UTC calendar date the given number of days after now', () => {
    const now = new Date('2026-12-31T23:30:00.000Z');
    expect(dateInDays(0, now)).toBe('2026-12-31');
    expect(dateInDays(1, now)).toBe('2027-01-01');
    expect(dateInDays(90, now)).toBe('2027-03-31');
    expect(dateInDays(-1, now)).toBe('2026-12-30');
  });

  it('counts a leap day', () => {
    expect(dateInDays(1, new Date('2028-02-28T00:00:00.000Z'))).toBe('2028-02-29');
  });
});
