import { addDays, dayOf } from './time';
import { QUERY_WINDOW_DAYS } from './k-anonymity';

/**
 * How long the server keeps what it receives (docs/privacy.md). The server's nightly clean-up
 * deletes everything older than `retentionCutoffs(today)`.
 */
export const RAW_EVENT_DAYS = 90;
/** A failed query's words while fewer than k people typed it: then they go. */
export const SUB_THRESHOLD_QUERY_DAYS = QUERY_WINDOW_DAYS;
export const ROLLUP_MONTHS = 25;
/**
 * The person-hash salt rotates weekly (weeks start on Monday, UTC) and is deleted once the query
 * window no longer reaches back into its week: until then the server needs it to see that one
 * person typing a query in two weeks is still one person.
 */
export const SALT_ROTATION_DAYS = 7;

/** The Monday (UTC) of the week `day` falls in: salts and weekly counts are keyed by it. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The same calendar day `months` earlier, on the month's last day when it has no such day. */
function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfTarget = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  return dayOf(Date.UTC(y, m - 1 - months, Math.min(d, lastOfTarget)));
}

export interface RetentionCutoffs {
  /** Raw events with a day before this are deleted. */
  rawEventsBefore: string;
  /** Sub-threshold query words last typed before this are deleted. */
  queryWordsBefore: string;
  /** Daily rollups before this are deleted. */
  rollupsBefore: string;
  /** Salts of weeks starting before this are deleted (their hashes can no longer be linked). */
  saltWeeksBefore: string;
}

/** What the server deletes on `today` (YYYY-MM-DD, from its injected clock). */
export function retentionCutoffs(today: string): RetentionCutoffs {
  return {
    rawEventsBefore: addDays(today, -RAW_EVENT_DAYS),
    queryWordsBefore: addDays(today, -SUB_THRESHOLD_QUERY_DAYS),
    rollupsBefore: monthsBefore(today, ROLLUP_MONTHS),
    saltWeeksBefore: weekOf(addDays(today, -(QUERY_WINDOW_DAYS - 1))),
  };
}
