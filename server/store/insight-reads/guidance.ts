/** The Guidance health view's reads: tips shown, not found and dismissed. */

import { APP, numbers, range, SUMS, type ReadRunner } from './kit';
import type { InsightRange, TipDay, TipFailingDay, TipTotal } from './types';

export async function tipDays(run: ReadRunner, r: InsightRange): Promise<TipDay[]> {
  const rows = await run(
    `SELECT day, app, screen, tip, shown, unresolved, dismissed FROM ins_tip_day
     WHERE day >= ? AND day <= ? AND ${APP}`,
    range(r),
  );
  return numbers(rows, ['shown', 'unresolved', 'dismissed']);
}

/** Per tip and screen: sums and the days failingRun needs, grouped by the database. */
export async function tipTotals(run: ReadRunner, r: InsightRange): Promise<TipTotal[]> {
  const rows = await run(
    `SELECT app, screen, tip, ${SUMS(['shown', 'unresolved', 'dismissed'])},
       min(CASE WHEN unresolved > 0 THEN day END) AS first_failed,
       max(CASE WHEN shown > 0 THEN day END) AS last_shown,
       sum(CASE WHEN shown > 0 AND unresolved = 0 THEN 1 ELSE 0 END) AS clean_days
     FROM ins_tip_day WHERE day >= ? AND day <= ? AND ${APP}
     GROUP BY app, screen, tip HAVING sum(shown) + sum(unresolved) > 0`,
    range(r),
  );
  for (const row of rows) {
    row.first_failed = row.first_failed ?? undefined;
    row.last_shown = row.last_shown ?? undefined;
  }
  return numbers(rows, ['shown', 'unresolved', 'dismissed', 'clean_days']);
}

/** Days a tip was not found and not shown (rare: a tip that works is mostly shown). */
export async function tipFailingDays(run: ReadRunner, r: InsightRange): Promise<TipFailingDay[]> {
  return (await run(
    `SELECT app, screen, tip, day FROM ins_tip_day
     WHERE day >= ? AND day <= ? AND ${APP} AND shown = 0 AND unresolved > 0`,
    range(r),
  )) as unknown as TipFailingDay[];
}
