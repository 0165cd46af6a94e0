import { afterEach, describe, expect, it } from 'vitest';
import { retentionCutoffs, type InsightEvent } from '@/lib/insights';
import type { InsightRange, QueryTotal, Store } from '../store';
import { testBackends, type TempStore } from '../test-fixtures';
import { failedSearch, learner, movableClock, seededRandom, sendDays } from './test-support';

const FIRST = '2026-03-25';
const LAST = '2026-06-15';
const WORDS = ['refund policy', 'merge tickets', 'vpn access'];

function usage(r: () => number, day: string): InsightEvent {
  const item = `item-${Math.floor(r() * 5)}`;
  const x = r();
  if (x < 0.3) return { type: 'item_read', v: 1, day, item, count: 1 };
  if (x < 0.5)
    return r() < 0.7
      ? { type: 'feedback', v: 1, day, item, helpful: true, reason: 'solved-it' }
      : { type: 'feedback', v: 1, day, item, helpful: false, reason: 'outdated' };
  if (x < 0.7) {
    const source = 'search' as const;
    return { type: 'suggestion_opened', v: 1, day, hour: 9, app: 'zendesk', item, source, rank: 1 };
  }
  const where = { app: 'zendesk', screen: r() < 0.5 ? 'ticket' : 'inbox' };
  return failedSearch(day, WORDS[Math.floor(r() * WORDS.length)], where);
}

/** Every period read that may use month rows, as sorted lines, for one range. */
async function reads(store: Store, range: InsightRange) {
  const lines = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    items: lines(await store.insights.itemTotals(range)),
    feedback: lines(await store.insights.feedbackTotals(range)),
    queries: lines(await store.insights.visibleQueries(range, 3)),
    top: lines(await store.insights.topQueries(range, 3, 2)),
  };
}

/**
 * What topQueries(range, 3, 2) must answer, from the full list: per screen, the queries fewer than
 * 2 others beat on searches, each with the screen's count of visible queries.
 */
function topOf(queries: readonly string[]): string[] {
  const rows = queries.map((line) => JSON.parse(line) as QueryTotal);
  return rows
    .map((row) => {
      const screen = rows.filter((o) => o.app === row.app && o.screen === row.screen);
      return { row, beaten: screen.filter((o) => o.searches > row.searches).length, screen };
    })
    .filter(({ beaten }) => beaten < 2)
    .map(({ row, screen }) => JSON.stringify({ ...row, visible: screen.length }))
    .sort();
}

describe.each(testBackends())('month rollups on $name', (backend) => {
  let env: TempStore;
  afterEach(() => env.cleanup());

  it('give the same item, feedback, query totals and top queries as the daily rows, before and after retention', async () => {
    const clock = movableClock(`${FIRST}T12:00:00.000Z`);
    env = await backend.open(clock.now);
    const { store } = env;
    const { next: r } = seededRandom(5);
    await sendDays(store, clock, { first: FIRST, last: LAST, people: 8 }, (person, day) => {
      if (r() > 0.4) return undefined;
      const events = Array.from({ length: 1 + Math.floor(r() * 4) }, () => usage(r, day));
      return { user: learner(`p${person}@example.com`), events };
    });
    const monthsFrom = retentionCutoffs(LAST).rollupsBefore;
    const periods: [string, string][] = [
      [FIRST, LAST],
      ['2026-04-01', '2026-05-31'],
      ['2026-04-10', '2026-06-15'],
      ['2026-05-17', '2026-06-15'],
    ];
    for (const [from, to] of periods) {
      const byDay = await reads(store, { from, to });
      expect(byDay.items.length, `${from}..${to}`).toBeGreaterThan(0);
      expect(byDay.queries.length, `${from}..${to}`).toBeGreaterThan(0);
      expect(await reads(store, { from, to, monthsFrom }), `${from}..${to}`).toEqual(byDay);
      expect(byDay.top, `${from}..${to}`).toEqual(topOf(byDay.queries));
    }
    // Retention as of a day that cuts April in two: April is then read by its days left.
    await store.pruneInsights('2028-05-20');
    const cut = retentionCutoffs('2028-05-20').rollupsBefore;
    expect(cut).toBe('2026-04-20');
    const left = await reads(store, { from: FIRST, to: LAST });
    expect(await reads(store, { from: FIRST, to: LAST, monthsFrom: cut })).toEqual(left);
  });
});
