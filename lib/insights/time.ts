/**
 * Events carry the day (and, where a chart needs it, the hour), never an exact time: UTC, so the
 * server's rollups add up the same whatever the learner's time zone.
 */

/** `YYYY-MM-DD` (UTC) of an epoch-milliseconds time. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The UTC hour, 0–23, of an epoch-milliseconds time. */
export function hourOf(at: number): number {
  return new Date(at).getUTCHours();
}

const DAY_MS = 86_400_000;

/** The day `days` after `day` (negative: before), both `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  return dayOf(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
