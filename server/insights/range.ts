import { z } from 'zod';
import { addDays, daysBetween, retentionCutoffs, weekOf } from '@/lib/insights';
import { slugSchema } from '@/lib/content-model';
import type { Period } from '@/lib/insights/views';

/**
 * The period a view covers, from `since` (how far back: `30d`, `12w`, `6m`, `1y`, or a day
 * YYYY-MM-DD) and `until` (a day; default today), both ends included; and the app it is narrowed
 * to. The same words for the HTTP query string and the CLI's flags.
 */
export interface ViewQuery extends Period {
  app: string | undefined;
  /** The server's today (its clock): what "last 30 days" and "overdue" are measured from. */
  today: string;
  /** Whole months from this one on may be read from month rollups (the rollup cutoff today). */
  monthsFrom: string;
}

const SINCE = /^(\d{1,4})([dwmy])$/;
/** The longest period a view reads (rollups are kept 25 months). */
export const MAX_PERIOD_DAYS = 762;

export const rangeParams = z.strictObject({
  since: z
    .string()
    .regex(
      /^(\d{1,4}[dwmy]|\d{4}-\d{2}-\d{2})$/,
      'must be like 30d, 12w, 6m, 1y or a day YYYY-MM-DD',
    )
    .default('30d'),
  until: z.iso.date().optional(),
  app: slugSchema.optional(),
});
export type RangeParams = z.input<typeof rangeParams>;

function sinceDay(since: string, until: string): string {
  const match = SINCE.exec(since);
  if (match === null) return since;
  const n = Number(match[1]);
  const days = { d: 1, w: 7, m: 30, y: 365 }[match[2] as 'd' | 'w' | 'm' | 'y'] * n;
  return addDays(until, -(days - 1));
}

/** The view query for parsed params on `today`; throws a RangeError naming what is wrong. */
export function viewQuery(params: z.output<typeof rangeParams>, today: string): ViewQuery {
  const to = params.until ?? today;
  const from = sinceDay(params.since, to);
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new RangeError(`since: ${from} is after until (${to})`);
  if (days > MAX_PERIOD_DAYS)
    throw new RangeError(`since: at most ${MAX_PERIOD_DAYS} days (rollups are kept 25 months)`);
  const monthsFrom = retentionCutoffs(today).rollupsBefore;
  return { from, to, days, app: params.app, today, monthsFrom };
}

/** The Mondays of the weeks a period touches, oldest first. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = weekOf(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/** part / whole as a share, or undefined when there is nothing to divide by. */
export function shareOf(part: number, whole: number): number | undefined {
  if (whole <= 0) return undefined;
  return Math.min(1, Math.max(0, part / whole));
}

/** The view's period as it is reported. */
export const periodOf = (q: ViewQuery): Period => ({ from: q.from, to: q.to, days: q.days });
