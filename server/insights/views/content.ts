import type { Item } from '@/lib/content-model';
import type { ContentView, ItemUsage } from '@/lib/insights/views';
import { feedbackReasons } from '@/lib/insights/views';
import type { FeedbackTotal, ItemTotal, Store } from '../../store';
import { periodOf, shareOf, type ViewQuery } from '../range';
import { byText, groupBy, quantile } from './common';

/** An item is hot when in the top quarter by opens and reads, with at least this many. */
export const HOT_MIN_USES = 10;

const uses = (t: { opened: number; reads: number }) => t.opened + t.reads;

type Reason = (typeof feedbackReasons)[number];
const isReason = (r: string): r is Reason => (feedbackReasons as readonly string[]).includes(r);

/** One item's usage row, from its totals, its feedback and its live copy (or head). */
export function itemUsage(
  total: ItemTotal,
  feedback: readonly FeedbackTotal[],
  item: Item | undefined,
  context: { today: string; hotFrom: number },
): ItemUsage {
  const answers = total.helpful + total.unhelpful;
  return {
    item: total.item,
    title: item?.title,
    type: item?.type,
    owner: item?.owner,
    shown: total.shown,
    opened: total.opened,
    reads: total.reads,
    opened_from_page: total.opened_page,
    click_through: shareOf(total.opened_page, total.shown),
    helpful: total.helpful,
    not_helpful: total.unhelpful,
    helpful_share: shareOf(total.helpful, answers),
    reasons: feedback
      .filter((f) => f.n > 0 && isReason(f.reason))
      .map((f) => ({ reason: f.reason as Reason, helpful: f.helpful === 1, count: f.n }))
      .sort((a, b) => b.count - a.count || byText(a.reason, b.reason)),
    verify_by: item?.verify_by,
    overdue: item?.verify_by !== undefined && item.verify_by < context.today,
    hot: uses(total) >= Math.max(HOT_MIN_USES, context.hotFrom),
    last_used: total.last_day,
  };
}

/** The use count from which an item is in the top quarter. */
export function hotThreshold(totals: readonly ItemTotal[]): number {
  const counts = totals
    .map(uses)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return counts.length === 0 ? Infinity : quantile(counts, 0.75);
}

const targets = (item: Item | undefined, app: string | undefined) =>
  app === undefined ||
  item === undefined ||
  item.targeting.apps.length === 0 ||
  item.targeting.apps.includes(app);

export async function contentView(store: Store, q: ViewQuery): Promise<ContentView> {
  const [totals, feedback, live, heads] = await Promise.all([
    store.insights.itemTotals(q),
    store.insights.feedbackTotals(q),
    store.liveItems(),
    store.listItems(),
  ]);
  // What learners see (the live copy) is what the numbers are about; drafts fall back to the head.
  const items = new Map([...heads, ...live].map((i) => [i.id, i]));
  const byItem = groupBy(feedback, (f) => f.item);
  const context = { today: q.today, hotFrom: hotThreshold(totals) };
  const usage = totals
    .filter((t) => targets(items.get(t.item), q.app))
    .map((t) => itemUsage(t, byItem.get(t.item) ?? [], items.get(t.item), context))
    .sort((a, b) => uses(b) - uses(a) || b.shown - a.shown || byText(a.item, b.item));
  const used = new Set(usage.filter((u) => uses(u) > 0).map((u) => u.item));
  return {
    view: 'content',
    period: periodOf(q),
    app: q.app,
    generated_at: store.now().toISOString(),
    items: usage,
    hot_but_stale: usage.filter((u) => u.hot && u.overdue).map((u) => u.item),
    never_opened: live
      .filter((i) => !used.has(i.id) && targets(i, q.app))
      .sort((a, b) => byText(a.id, b.id))
      .map((i) => ({ item: i.id, title: i.title, type: i.type, owner: i.owner })),
  };
}
