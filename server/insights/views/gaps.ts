import { addDays, weekOf } from '@/lib/insights';
import {
  GAP_QUERIES_SHOWN,
  GAP_REQUESTS_SHOWN,
  type Gap,
  type GapsView,
} from '@/lib/insights/views';
import type { RankedQuery, ScreenDay, Store } from '../../store';
import { gapKey } from '../gap-state';
import { periodOf, weeksOf, type ViewQuery } from '../range';
import { byText, groupBy, orNone, sumSearches } from './common';
import { closed, gapStatesOf, statusOf } from './gap-closed';

/** Requests whose words are read per view (the newest, across every gap). */
const GAP_REQUEST_WORDS_READ = 2_000;

function trend(days: readonly ScreenDay[], q: ViewQuery) {
  const byWeek = groupBy(days, (d) => weekOf(d.day));
  return weeksOf(q.from, q.to).map((week) => {
    const { searches, failed } = sumSearches(byWeek.get(week) ?? []);
    return { week, searches, failed };
  });
}

/** Learners' content requests per gap key: how many, and the newest words. */
async function requestsByGap(store: Store, q: ViewQuery) {
  const range = { from: q.from, to: q.to, app: q.app };
  const totals = await store.insights.contentRequestTotals(range);
  const words = await store.insights.contentRequestWords(range, GAP_REQUEST_WORDS_READ);
  const byKey = new Map<string, { app: string; screen: string; requests: number }>(
    totals.map((t) => [gapKey(t.app, t.screen), t]),
  );
  const wordsByKey = groupBy(words, (w) => gapKey(w.app, w.screen));
  return {
    total: totals.reduce((sum, t) => sum + t.requests, 0),
    keys: [...byKey.keys()],
    place: (key: string) => byKey.get(key),
    of: (key: string) => ({
      requests: byKey.get(key)?.requests ?? 0,
      requested: (wordsByKey.get(key) ?? [])
        .slice(0, GAP_REQUESTS_SHOWN)
        .map(({ day, text }) => ({ day, text })),
    }),
  };
}

/** A gap's most searched visible queries, and how many more it has. */
function listed(ranked: readonly RankedQuery[]) {
  const queries = [...ranked]
    .sort((a, b) => b.searches - a.searches || byText(a.query, b.query))
    .slice(0, GAP_QUERIES_SHOWN)
    .map(({ query, searches, people }) => ({ query, searches, people }));
  return { queries, more_queries: (ranked[0]?.visible ?? 0) - queries.length };
}

export async function gapsView(store: Store, q: ViewQuery): Promise<GapsView> {
  const { query_k: k } = await store.insightSettings();
  const requests = await requestsByGap(store, q);
  const all = await store.insights.screenDays({
    from: addDays(q.from, -q.days),
    to: q.to,
    app: q.app,
  });
  const current = all.filter((d) => d.day >= q.from);
  const queries = groupBy(await store.insights.topQueries(q, k, GAP_QUERIES_SHOWN), (r) =>
    gapKey(r.app, r.screen),
  );
  const states = await gapStatesOf(store, q);
  const screens = groupBy(all, (d) => gapKey(d.app, d.screen));
  const keys = new Set([
    ...[...groupBy(current, (d) => gapKey(d.app, d.screen))]
      .filter(([, days]) => sumSearches(days).failed > 0)
      .map(([key]) => key),
    ...states.keys(),
    ...requests.keys,
  ]);
  const gaps: Gap[] = [];
  for (const key of keys) {
    const days = screens.get(key) ?? [];
    const state = states.get(key);
    const place = state ?? days[0] ?? requests.place(key);
    const [app = '', screen = ''] = [place?.app, place?.screen];
    const inPeriod = days.filter((d) => d.day >= q.from);
    const addressed = await statusOf(store, state);
    gaps.push({
      key,
      app: orNone(app),
      screen: orNone(screen),
      ...sumSearches(inPeriod),
      previous: sumSearches(days.filter((d) => d.day < q.from)),
      weeks: trend(inPeriod, q),
      ...listed(queries.get(key) ?? []),
      ...addressed,
      closed:
        addressed.addressed_on === undefined
          ? undefined
          : await closed(store, app, screen, addressed.addressed_on, q.today),
      ...requests.of(key),
    });
  }
  gaps.sort((a, b) => b.failed - a.failed || byText(a.key, b.key));
  return {
    view: 'gaps',
    period: periodOf(q),
    app: q.app,
    generated_at: store.now().toISOString(),
    k,
    totals: sumSearches(current),
    requests: requests.total,
    gaps,
  };
}
