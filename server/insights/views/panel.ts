import { weekOf } from '@/lib/insights';
import type { ItemView, ScreenView } from '@/lib/insights/views';
import type { Store } from '../../store';
import { periodOf, shareOf, weeksOf, type ViewQuery } from '../range';
import { hotThreshold, itemUsage } from './content';
import { byText, groupBy, sumSearches } from './common';
import { tipHealthRows } from './guidance';

/** The side panel's views for authors: this screen, this item. */

/** Items listed under a screen's top items. */
const TOP_ITEMS = 10;

export async function screenView(
  store: Store,
  q: ViewQuery,
  place: { app: string; screen: string },
): Promise<ScreenView> {
  const range = { from: q.from, to: q.to, app: place.app };
  const settings = await store.insightSettings();
  const [days, queries, tips, used, feedback, heads] = await Promise.all([
    store.insights.screenDays(range),
    store.insights.visibleQueries(range, settings.query_k),
    tipHealthRows(store, { ...q, app: place.app }),
    store.insights.itemScreenTotals(q, place.app, place.screen),
    store.insights.itemTotals(q),
    store.listItems(),
  ]);
  const here = <T extends { app: string; screen: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.app === place.app && r.screen === place.screen);
  const titles = new Map(heads.map((i) => [i.id, i.title]));
  const votes = new Map(feedback.map((f) => [f.item, f]));
  const top = [...used]
    .sort(
      (a, b) =>
        b.opened + b.reads - (a.opened + a.reads) || b.shown - a.shown || byText(a.item, b.item),
    )
    .slice(0, TOP_ITEMS);
  const helpful = top.reduce((n, t) => n + (votes.get(t.item)?.helpful ?? 0), 0);
  const answers = top.reduce(
    (n, t) => n + (votes.get(t.item)?.helpful ?? 0) + (votes.get(t.item)?.unhelpful ?? 0),
    0,
  );
  return {
    view: 'screen',
    period: periodOf(q),
    generated_at: store.now().toISOString(),
    app: place.app,
    screen: place.screen === '' ? undefined : place.screen,
    k: settings.query_k,
    ...sumSearches(here(days)),
    queries: here(queries)
      .sort((a, b) => b.searches - a.searches || byText(a.query, b.query))
      .map(({ query, searches, people }) => ({ query, searches, people })),
    broken_tips: tips.filter((t) => t.unresolved > 0 && (t.screen ?? '') === place.screen),
    top_items: top.map((t) => {
      const v = votes.get(t.item);
      return {
        item: t.item,
        title: titles.get(t.item),
        shown: t.shown,
        opened: t.opened,
        reads: t.reads,
        helpful_share: shareOf(v?.helpful ?? 0, (v?.helpful ?? 0) + (v?.unhelpful ?? 0)),
      };
    }),
    helpful_share: shareOf(helpful, answers),
  };
}

/** The day of the item's last verification or publication, from the audit trail. */
async function lastVerified(store: Store, item: string): Promise<string | undefined> {
  const verify = await store.queryAudit({ item, action: 'verify', limit: 1 });
  const publish = await store.queryAudit({ item, action: 'publish', limit: 1 });
  const days = [...verify.entries, ...publish.entries].map((e) => e.at.slice(0, 10)).sort(byText);
  return days.at(-1);
}

export async function itemView(
  store: Store,
  q: ViewQuery,
  id: string,
): Promise<ItemView | undefined> {
  const [days, feedback, head, totals] = await Promise.all([
    store.insights.itemDays(q, id),
    store.insights.feedbackTotals(q),
    store.itemHead(id),
    store.insights.itemTotals(q),
  ]);
  if (head === undefined || head.deleted) return undefined;
  const sum = (f: (d: (typeof days)[number]) => number) => days.reduce((n, d) => n + f(d), 0);
  const total = {
    item: id,
    shown: sum((d) => d.shown),
    opened: sum((d) => d.opened),
    opened_page: sum((d) => d.opened_page),
    reads: sum((d) => d.reads),
    helpful: sum((d) => d.helpful),
    unhelpful: sum((d) => d.unhelpful),
    last_day: days.at(-1)?.day ?? '',
  };
  const usage = itemUsage(
    total,
    feedback.filter((f) => f.item === id),
    head.live ?? head.item,
    {
      today: q.today,
      hotFrom: hotThreshold(totals),
    },
  );
  const byWeek = groupBy(days, (d) => weekOf(d.day));
  return {
    view: 'item',
    period: periodOf(q),
    generated_at: store.now().toISOString(),
    usage: { ...usage, last_used: days.at(-1)?.day },
    weeks: weeksOf(q.from, q.to).map((week) => {
      const w = byWeek.get(week) ?? [];
      return {
        week,
        shown: w.reduce((n, d) => n + d.shown, 0),
        opened: w.reduce((n, d) => n + d.opened, 0),
        reads: w.reduce((n, d) => n + d.reads, 0),
      };
    }),
    last_verified: await lastVerified(store, id),
  };
}
