import { addDays } from '@/lib/insights';
import type { GapStatus } from '@/lib/insights/views';
import type { GapState, ScreenDay, Store } from '../../store';
import { gapKey } from '../gap-state';
import type { ViewQuery } from '../range';
import { byText, sumSearches } from './common';

/** Days before and after an answer's publication compared for "gap closed". */
export const GAP_CLOSED_DAYS = 28;

export interface Addressed {
  status: GapStatus;
  item: string | undefined;
  addressed_on: string | undefined;
}

/**
 * A gap's status as shown: dismissed or addressed by hand as set; an open gap whose item has been
 * published since it was linked is addressed, from the day it was published (or linked, for an
 * item already live then).
 */
export async function statusOf(store: Store, state: GapState | undefined): Promise<Addressed> {
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
export async function closed(store: Store, app: string, screen: string, on: string, today: string) {
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

/** The gaps acted on, with whether each closed: the Gaps view's states (q.app narrows). */
export async function gapStatesOf(store: Store, q: ViewQuery): Promise<Map<string, GapState>> {
  return new Map(
    (await store.gapStates())
      .filter((s) => q.app === undefined || s.app === q.app)
      .map((s) => [gapKey(s.app, s.screen), s]),
  );
}

/**
 * "Gap closed" for every addressed gap, in the Gaps view's order (most failed in the period
 * first, then by key), from the gap states and the period's screen days alone: what Impact
 * shows, without reading the Gaps view's queries.
 */
export async function gapsClosed(store: Store, q: ViewQuery, period: readonly ScreenDay[]) {
  const failed = new Map<string, number>();
  for (const d of period) {
    const key = gapKey(d.app, d.screen);
    failed.set(key, (failed.get(key) ?? 0) + d.failed);
  }
  const out = [];
  for (const [key, state] of await gapStatesOf(store, q)) {
    const addressed = await statusOf(store, state);
    if (addressed.addressed_on === undefined) continue;
    const result = await closed(store, state.app, state.screen, addressed.addressed_on, q.today);
    out.push({ key, state, item: addressed.item, closed: result });
  }
  const failedOf = (key: string) => failed.get(key) ?? 0;
  return out.sort((a, b) => failedOf(b.key) - failedOf(a.key) || byText(a.key, b.key));
}
