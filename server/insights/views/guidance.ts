import type { Item } from '@/lib/content-model';
import type { GuidanceView, TipHealth } from '@/lib/insights/views';
import type { Store, TipDay } from '../../store';
import { periodOf, shareOf, type ViewQuery } from '../range';
import { byText, groupBy, orNone } from './common';

/**
 * The latest run of days on which the tip failed without being found, read back from the last
 * day it was seen; and how many days before that it was shown without failing. A tip that worked
 * for days and then stopped resolving most likely met a change to the app's screen.
 */
function failingRun(days: readonly TipDay[]) {
  const seen = [...days]
    .filter((d) => d.shown + d.unresolved > 0)
    .sort((a, b) => byText(a.day, b.day));
  let start = seen.length;
  while (start > 0 && seen[start - 1]!.unresolved > 0 && seen[start - 1]!.shown === 0) start -= 1;
  const since = start < seen.length ? seen[start]!.day : undefined;
  const clean = seen.slice(0, start).filter((d) => d.shown > 0 && d.unresolved === 0).length;
  return { failing_since: since, clean_days_before: since === undefined ? 0 : clean };
}

export function tipHealth(days: readonly TipDay[], item: Item | undefined): TipHealth {
  const first = days[0]!;
  const sum = (f: (d: TipDay) => number) => days.reduce((n, d) => n + f(d), 0);
  const shown = sum((d) => d.shown);
  const unresolved = sum((d) => d.unresolved);
  const failed = days
    .filter((d) => d.unresolved > 0)
    .map((d) => d.day)
    .sort(byText);
  return {
    tip: first.tip,
    title: item?.title,
    owner: item?.owner,
    app: first.app,
    screen: orNone(first.screen),
    shown,
    unresolved,
    dismissed: sum((d) => d.dismissed),
    failure_rate: shareOf(unresolved, shown + unresolved),
    first_failed_on: failed[0],
    ...failingRun(days),
  };
}

/** Health of every tip seen in the period (per app and screen), most failing first. */
export async function tipHealthRows(store: Store, q: ViewQuery): Promise<TipHealth[]> {
  const [days, heads] = await Promise.all([store.insights.tipDays(q), store.listItems()]);
  const items = new Map(heads.map((i) => [i.id, i]));
  return [...groupBy(days, (d) => `${d.tip}\n${d.app}\n${d.screen}`).values()]
    .map((group) => tipHealth(group, items.get(group[0]!.tip)))
    .filter((t) => t.shown + t.unresolved > 0)
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
