import { addDays, weekOf } from '@/lib/insights';
import { GAP_REQUESTS_SHOWN, type Gap, type GapStatus, type GapsView } from '@/lib/insights/views';
import type { GapState, ScreenDay, Store } from '../../store';
import { gapKey } from '../gap-state';
import { periodOf, weeksOf, type ViewQuery } from '../range';
import { byText, groupBy, orNone, sumSearches } from './common';

/** Requests whose words are read per view (the newest, across every gap). */
const GAP_REQUEST_WORDS_READ = 2_000;

/** Days before and after an answer's publication compared for "gap closed". */
export const GAP_CLOSED_DAYS = 28;

interface Addressed {
  status: GapStatus;
  item: string | undefined;
  addressed_on: string | undefined;
}

/**
 * A gap's status as shown: dismissed or addressed by hand as set; an open gap whose item has been
 * published since it was linked is addressed, from the day it was published (or linked, for an
 * item already live then).
 */
async function statusOf(store: Store, state: GapState | undefined): Promise<Addressed> {
  if (state === undefined) return { status: 'open', item: undefined, addressed_on: undefined };
  const linked = state.updated_at.slice(0, 10);
  const published =
    state.item === undefined
      ? undefined
      : (await store.itemVersions(state.item))
          .filter((v) => v.status === 'published')
          .map((v) => v.created_at.slice(0, 10))
          .map((day) => (day < linked ? linked : day))
          .sort(byText)[0];
  const live = state.item !== undefined && (await store.itemHead(state.item))?.live !== undefined;
  if (state.status === 'dismissed')
    return { status: 'dismissed', item: state.item, addressed_on: undefined };
  if (state.status === 'addressed')
    return { status: 'addressed', item: state.item, addressed_on: published ?? linked };
  return live && published !== undefined
    ? { status: 'addressed', item: state.item, addressed_on: published }
    : { status: 'open', item: state.item, addressed_on: undefined };
}

/** The failed-search rate on the gap's screen 28 days either side of its answer. */
async function closed(store: Store, app: string, screen: string, on: string, today: string) {
  const days = (
    await store.insights.screenDays({
      from: addDays(on, -GAP_CLOSED_DAYS),
      to: addDays(on, GAP_CLOSED_DAYS),
      app,
    })
  ).filter((d) => d.app === app && d.screen === screen && d.day <= today);
  const before = sumSearches(days.filter((d) => d.day < on));
  const after = sumSearches(days.filter((d) => d.day > on));
  const change =
    before.failed_rate === undefined || after.failed_rate === undefined
      ? undefined
      : after.failed_rate - before.failed_rate;
  return { published_on: on, before, after, change };
}

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

export async function gapsView(store: Store, q: ViewQuery): Promise<GapsView> {
  const { query_k: k } = await store.insightSettings();
  const requests = await requestsByGap(store, q);
  const all = await store.insights.screenDays({
    from: addDays(q.from, -q.days),
    to: q.to,
    app: q.app,
  });
  const current = all.filter((d) => d.day >= q.from);
  const queries = groupBy(await store.insights.visibleQueries(q, k), (r) =>
    gapKey(r.app, r.screen),
  );
  const states = new Map(
    (await store.gapStates())
      .filter((s) => q.app === undefined || s.app === q.app)
      .map((s) => [gapKey(s.app, s.screen), s]),
  );
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
      queries: (queries.get(key) ?? [])
        .sort((a, b) => b.searches - a.searches || byText(a.query, b.query))
        .map(({ query, searches, people }) => ({ query, searches, people })),
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
