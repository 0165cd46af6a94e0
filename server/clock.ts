/**
 * The server's clock. Everything that stamps a time or computes a date (verify-by, audit rows,
 * versions, users) reads it from the store, so tests run against a fixed `now` and never depend
 * on the day they run.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** `now` (UTC) plus `days`, as YYYY-MM-DD. */
export function dateInDays(days: number, now: Date): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
