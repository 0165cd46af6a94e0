import { addDays, dayOf, mondayOf } from './time';
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
 * The person-hash salt rotates weekly (weeks start on Monday, UTC). The server hashes a failed
 * search under the salt of every week whose 30-day windows include its day (server/insights/
 * people.ts), so counting distinct people on any day needs only that week's salt. A salt is
 * deleted, with every hash made under it, once the week after its own is over: that week is left
 * for events that arrive late from a device that was offline.
 */
export const SALT_ROTATION_DAYS = 7;
/** Weeks a salt is kept after its own (for late events). */
export const SALT_GRACE_WEEKS = 1;

/** The Monday (UTC) of the week `day` falls in: salts and weekly counts are keyed by it. */
export function weekOf(day: string): string {
  return mondayOf(day);
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
  /** Salts (and hashes made with them) of weeks starting before this are deleted. */
  saltWeeksBefore: string;
}

/** What the server deletes on `today` (YYYY-MM-DD, from its injected clock). */
export function retentionCutoffs(today: string): RetentionCutoffs {
  return {
    rawEventsBefore: addDays(today, -RAW_EVENT_DAYS),
    queryWordsBefore: addDays(today, -SUB_THRESHOLD_QUERY_DAYS),
    rollupsBefore: monthsBefore(today, ROLLUP_MONTHS),
    saltWeeksBefore: addDays(weekOf(today), -SALT_ROTATION_DAYS * SALT_GRACE_WEEKS),
  };
}
