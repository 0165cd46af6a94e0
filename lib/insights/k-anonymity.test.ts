import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  queryThreshold,
  queryThresholdSchema,
  suppressSmallGroups,
  visibleQueries,
  type QueryContribution,
} from './k-anonymity';

const today = '2026-06-15';
const typed = (query: string, people: string[], day = today): QueryContribution[] =>
  people.map((person) => ({ query, person, day }));

describe('queryThreshold', () => {
  it('returns 5 without a setting and never less than 3', () => {
    expect(queryThreshold()).toBe(5);
    expect(queryThreshold(7)).toBe(7);
    expect(queryThreshold(1)).toBe(3);
    expect(queryThresholdSchema.safeParse(2).success).toBe(false);
    expect(queryThresholdSchema.safeParse(3).success).toBe(true);
  });

  it('returns the default for a setting that is not a finite number', () => {
    expect(queryThreshold(Number.NaN)).toBe(5);
    expect(queryThreshold(Number.POSITIVE_INFINITY)).toBe(5);
  });

  it('tells an admin the lowest threshold allowed', () => {
    expect(queryThresholdSchema.safeParse(2).error?.issues[0]?.message).toBe('must be at least 3');
  });
});

describe('visibleQueries', () => {
  it('shows a query typed by 5 people and hides one typed by 4, however often', () => {
    const contributions = [
      ...typed('merge tickets', ['p1', 'p2', 'p3', 'p4', 'p5']),
      ...typed('refund jane', ['p1', 'p2', 'p3', 'p4', 'p4', 'p4', 'p4', 'p4']),
    ];
    expect(visibleQueries(contributions, { today })).toEqual([
      { query: 'merge tickets', people: 5, searches: 5, lastDay: today },
    ]);
  });

  it('returns the latest day a query was typed, whatever the order of the contributions', () => {
    const contributions = [
      ...typed('merge tickets', ['p1', 'p2'], '2026-06-10'),
      ...typed('merge tickets', ['p3', 'p4'], '2026-06-14'),
      ...typed('merge tickets', ['p5'], '2026-06-01'),
    ];
    expect(visibleQueries(contributions, { today })).toEqual([
      { query: 'merge tickets', people: 5, searches: 5, lastDay: '2026-06-14' },
    ]);
  });

  it('returns the most searched query first, equal counts in alphabetical order', () => {
    const five = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const contributions = [
      ...typed('vat', five),
      ...typed('refund', [...five, 'p6']),
      ...typed('address', five),
    ];
    expect(visibleQueries(contributions, { today }).map((q) => [q.query, q.searches])).toEqual([
      ['refund', 6],
      ['address', 5],
      ['vat', 5],
    ]);
  });

  it('counts only the last 30 days, today included', () => {
    const contributions = [
      ...typed('sla breach', ['p1', 'p2', 'p3', 'p4'], '2026-05-17'), // today − 29 days
      ...typed('sla breach', ['p5'], '2026-05-16'), // today − 30 days: outside
    ];
    expect(visibleQueries(contributions, { today })).toEqual([]);
    expect(visibleQueries(contributions, { today: '2026-06-14' })).toHaveLength(1);
  });

  it('uses an admin threshold of 3, never lower', () => {
    const contributions = typed('vat number', ['p1', 'p2', 'p3']);
    expect(visibleQueries(contributions, { today, k: 3 })).toHaveLength(1);
    expect(visibleQueries(typed('vat number', ['p1', 'p2']), { today, k: 1 })).toEqual([]);
  });

  it('never shows a query fewer than k distinct people typed (property)', () => {
    const contribution = fc.record({
      query: fc.constantFrom('a', 'b', 'c'),
      person: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'),
      day: fc.constantFrom('2026-05-01', '2026-05-20', '2026-06-15', '2026-06-16'),
    });
    fc.assert(
      fc.property(
        fc.array(contribution, { maxLength: 80 }),
        fc.integer({ min: 0, max: 9 }),
        (all, k) => {
          for (const shown of visibleQueries(all, { today, k })) {
            const people = new Set(
              all
                .filter((c) => c.query === shown.query && c.day >= '2026-05-17' && c.day <= today)
                .map((c) => c.person),
            );
            expect(people.size).toBeGreaterThanOrEqual(Math.max(3, k));
            expect(shown.people).toBe(people.size);
          }
        },
      ),
    );
  });
});

describe('suppressSmallGroups', () => {
  const rows = [
    { team: 'tier1', people: 12, active: 9 },
    { team: 'tier2', people: 4, active: 4 },
    { team: 'billing', people: 6, active: 2 },
  ];

  it('replaces a team under 5 people by its label and suppressed, with no number', () => {
    expect(suppressSmallGroups(rows, { view: 'team', keep: ['team'] })).toEqual([
      rows[0],
      { team: 'tier2', suppressed: true },
      rows[2],
    ]);
  });

  it('shows a team of exactly 5 people', () => {
    const five = [{ team: 'tier3', people: 5, active: 1 }];
    expect(suppressSmallGroups(five, { view: 'team', keep: ['team'] })).toEqual(five);
  });

  it('hides no third row when two are already suppressed beside a total', () => {
    const out = suppressSmallGroups([...rows, { team: 'vip', people: 2, active: 1 }], {
      view: 'team',
      keep: ['team'],
      withTotal: true,
    });
    expect(out.filter((r) => 'suppressed' in r).map((r) => r.team)).toEqual(['tier2', 'vip']);
  });

  it('needs 10 people in an impact view', () => {
    const out = suppressSmallGroups(rows, { view: 'impact', keep: ['team'] });
    expect(out.filter((r) => 'suppressed' in r).map((r) => r.team)).toEqual(['tier2', 'billing']);
  });

  it('also hides the smallest other row when a total would give the lone suppressed one away', () => {
    const out = suppressSmallGroups(rows, { view: 'team', keep: ['team'], withTotal: true });
    expect(out.filter((r) => 'suppressed' in r).map((r) => r.team)).toEqual(['tier2', 'billing']);
  });
});
