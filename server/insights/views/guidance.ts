import type { Item } from '@/lib/content-model';
import type { GuidanceView, TipHealth } from '@/lib/insights/views';
import type { Store, TipTotal } from '../../store';
import { periodOf, shareOf, type ViewQuery } from '../range';
import { byText, groupBy, orNone } from './common';

/**
 * The latest run of days on which the tip failed without being found (never shown that day), read
 * back from the last day it was seen; and how many days before that it was shown without failing.
 * A tip that worked for days and then stopped resolving most likely met a change to the app's
 * screen. From the database's sums: every day seen after the last day it was shown is such a day,
 * so the run starts at the first of them, and every clean day (shown, never failing) is before it.
 */
function failingRun(total: TipTotal, failingDays: readonly string[]) {
  const since = failingDays
    .filter((day) => total.last_shown === undefined || day > total.last_shown)
    .sort(byText)[0];
  return { failing_since: since, clean_days_before: since === undefined ? 0 : total.clean_days };
}

export function tipHealth(
  total: TipTotal,
  failingDays: readonly string[],
  item: Item | undefined,
): TipHealth {
  return {
    tip: total.tip,
    title: item?.title,
    owner: item?.owner,
    app: total.app,
    screen: orNone(total.screen),
    shown: total.shown,
    unresolved: total.unresolved,
    dismissed: total.dismissed,
    failure_rate: shareOf(total.unresolved, total.shown + total.unresolved),
    first_failed_on: total.first_failed,
    ...failingRun(total, failingDays),
  };
}

const tipKey = (t: { tip: string; app: string; screen: string }) =>
  `${t.tip}\n${t.app}\n${t.screen}`;

/**
 * Health of every tip seen in the period (per app and screen), most failing first. Summed by the
 * database: a year of a large organisation is millions of tip-days (bench:insights).
 */
export async function tipHealthRows(store: Store, q: ViewQuery): Promise<TipHealth[]> {
  const [totals, failing, heads] = await Promise.all([
    store.insights.tipTotals(q),
    store.insights.tipFailingDays(q),
    store.listItems(),
  ]);
  const items = new Map(heads.map((i) => [i.id, i]));
  const failingDays = groupBy(failing, tipKey);
  return totals
    .map((t) =>
      tipHealth(
        t,
        (failingDays.get(tipKey(t)) ?? []).map((d) => d.day),
        items.get(t.tip),
      ),
    )
    .sort(
      (a, b) =>
        b.unresolved - a.unresolved ||
        (b.failure_rate ?? 0) - (a.failure_rate ?? 0) ||
        byText(`${a.tip}/${a.app}/${a.screen ?? ''}`, `${b.tip}/${b.app}/${b.screen ?? ''}`),
    );
}

export async function guidanceView(store: Store, q: ViewQuery): Promise<GuidanceView> {
  return {
    view: 'guidance',
    period: periodOf(q),
    app: q.app,
    generated_at: store.now().toISOString(),
    tips: await tipHealthRows(store, q),
  };
}
