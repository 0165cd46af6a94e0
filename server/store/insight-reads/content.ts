/** The Content view's reads (and the side panel's "this item" and "this screen"). */

import { acrossMonths, numbers, SUMS, type ReadRunner } from './kit';
import type { FeedbackTotal, InsightRange, ItemDay, ItemScreenTotal, ItemTotal } from './types';

const USAGE = ['shown', 'opened', 'opened_page', 'reads', 'helpful', 'unhelpful'];

export async function itemTotals(run: ReadRunner, r: InsightRange): Promise<ItemTotal[]> {
  // A month row knows the last day of the month its item was used (`last_dom`).
  const last = (span: 'day' | 'month') =>
    span === 'day'
      ? 'max(d.day)'
      : `max(d.month || '-' || CASE WHEN d.last_dom < 10 THEN '0' ELSE '' END || d.last_dom)`;
  const rows = await acrossMonths(
    run,
    r,
    (span, period) =>
      `SELECT d.item AS item, ${SUMS(USAGE)}, ${last(span)} AS last_day
       FROM ins_item_${span} d WHERE ${period} GROUP BY d.item`,
    [],
    { keys: ['item'], sums: USAGE, greatest: ['last_day'] },
  );
  return numbers(rows, USAGE);
}

/** One item's days (the side panel's "this item"). */
export async function itemDays(run: ReadRunner, r: InsightRange, item: string): Promise<ItemDay[]> {
  const rows = await run(
    `SELECT day, ${USAGE.join(', ')} FROM ins_item_day
     WHERE day >= ? AND day <= ? AND item = ? ORDER BY day`,
    [r.from, r.to, item],
  );
  return numbers(rows, USAGE);
}

/** Items used on one screen of one app (`screen` '' for the app's unrecognised pages). */
export async function itemScreenTotals(
  run: ReadRunner,
  r: InsightRange,
  app: string,
  screen: string,
): Promise<ItemScreenTotal[]> {
  const rows = await run(
    `SELECT item, ${SUMS(['shown', 'opened', 'reads'])} FROM ins_item_screen_day
     WHERE day >= ? AND day <= ? AND app = ? AND screen = ? GROUP BY item`,
    [r.from, r.to, app, screen],
  );
  return numbers(rows, ['shown', 'opened', 'reads']);
}

export async function feedbackTotals(run: ReadRunner, r: InsightRange): Promise<FeedbackTotal[]> {
  const rows = await acrossMonths(
    run,
    r,
    (span, period) =>
      `SELECT d.item AS item, d.helpful AS helpful, d.reason AS reason, sum(d.n) AS n
       FROM ins_feedback_${span} d WHERE ${period} GROUP BY d.item, d.helpful, d.reason`,
    [],
    { keys: ['item', 'helpful', 'reason'], sums: ['n'], greatest: [] },
  );
  return numbers(rows, ['helpful', 'n']);
}
