import { describe, expect, it } from 'vitest';
import { forwardWeeks, oldestSaltWeek, personHash, weekStillSalted } from './people';

describe('forwardWeeks', () => {
  it('returns every week from this one whose 30-day windows reach back to the day', () => {
    // 2026-06-15 is a Monday; its last window day is 2026-07-14 (a Tuesday, week of 07-13).
    expect(forwardWeeks('2026-06-15', '2026-06-15')).toEqual([
      '2026-06-15',
      '2026-06-22',
      '2026-06-29',
      '2026-07-06',
      '2026-07-13',
    ]);
  });

  it('leaves out weeks already over on the day it is received', () => {
    // A search of 2026-05-20 received on 2026-06-15: its windows end on 2026-06-18.
    expect(forwardWeeks('2026-05-20', '2026-06-15')).toEqual(['2026-06-15']);
    expect(forwardWeeks('2026-05-01', '2026-06-15')).toEqual([]);
  });
});

describe('salts in use', () => {
  it('keeps this week and the week before, for late events', () => {
    expect(oldestSaltWeek('2026-06-17')).toBe('2026-06-08');
    expect(weekStillSalted('2026-06-08', '2026-06-17')).toBe(true);
    expect(weekStillSalted('2026-06-07', '2026-06-17')).toBe(false);
  });
});

describe('personHash', () => {
  it('returns the same hash for one account under one salt, whatever the case of the address', () => {
    expect(personHash('salt-a', 'Ana@Example.com')).toBe(personHash('salt-a', 'ana@example.com'));
    expect(personHash('salt-a', 'ana@example.com')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('returns unrelated hashes for one account under two salts', () => {
    expect(personHash('salt-a', 'ana@example.com')).not.toBe(
      personHash('salt-b', 'ana@example.com'),
    );
  });
});
