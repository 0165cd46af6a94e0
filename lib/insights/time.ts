/**
 * Events carry the day (and, where a chart needs it, the hour), never an exact time: UTC, so the
 * server's rollups add up the same whatever the learner's time zone.
 */

const DAY_MS = 86_400_000;

/**
 * Day strings and day numbers (days since 1970-01-01), memoised: ingestion turns every event's day
 * into weeks, windows and cut-offs, and building Date objects for each was a tenth of its time
 * (bench/insights.bench.ts). Few distinct days are live at once; the caches are cleared when large.
 */
const CACHE_MAX = 8_192;
const numbers = new Map<string, number>();
const strings = new Map<number, string>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (NaN when it is not one). */
function dayNumber(day: string): number {
  const known = numbers.get(day);
  if (known !== undefined) return known;
  const n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  return Number.isInteger(n) ? remember(numbers, day, n) : NaN;
}

/** The `YYYY-MM-DD` of a day number; throws a RangeError for NaN, as Date does. */
function dayString(n: number): string {
  const known = strings.get(n);
  if (known !== undefined) return known;
  const day = new Date(n * DAY_MS).toISOString().slice(0, 10);
  return remember(strings, n, day);
}

/** `YYYY-MM-DD` (UTC) of an epoch-milliseconds time. */
export function dayOf(at: number): string {
  return dayString(Math.floor(at / DAY_MS));
}

/** The UTC hour, 0–23, of an epoch-milliseconds time. */
export function hourOf(at: number): number {
  return new Date(at).getUTCHours();
}

/** The day `days` after `day` (negative: before), both `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday (UTC) of `day`'s week: 1970-01-01 was a Thursday. */
export function mondayOf(day: string): string {
  const n = dayNumber(day);
  const sinceMonday = (((n + 3) % 7) + 7) % 7;
  return dayString(n - sinceMonday);
}
