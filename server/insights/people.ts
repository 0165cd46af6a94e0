import { createHmac } from 'node:crypto';
import { addDays, QUERY_WINDOW_DAYS, retentionCutoffs, weekOf } from '@/lib/insights';

/**
 * Distinct people without user ids (docs/privacy.md, "Identity and distinct people"). A person is
 * counted through a keyed hash of their account under a weekly salt; the salt and every mark made
 * with it are deleted soon after its week (`retentionCutoffs().saltWeeksBefore`).
 *
 * Weekly salts would make one person typing a query in two weeks look like two people. So a failed
 * search's words are marked *forward*: under the salt of every week whose 30-day windows include
 * the search's day. Counting on any day then uses only this week's salt, under which everyone who
 * typed the query in the last 30 days has exactly one mark — an exact count of distinct people,
 * never more, with no hash that outlives the weeks it is needed for.
 */

/** 128 bits of HMAC-SHA-256(salt, account), base64url: one person, within one week's salt. */
export function personHash(salt: string, email: string): string {
  return createHmac('sha256', salt).update(email.toLowerCase()).digest('base64url').slice(0, 22);
}

/** The first week whose salt may still be used on `today` (older salts are deleted). */
export const oldestSaltWeek = (today: string): string => retentionCutoffs(today).saltWeeksBefore;

/** Whether `day`'s own week still has a salt on `today` (a late event from an older week has none). */
export const weekStillSalted = (day: string, today: string): boolean =>
  weekOf(day) >= oldestSaltWeek(today);

/**
 * The weeks whose counts a failed search on `day` takes part in, from this week on: every week W
 * (a Monday) with a day whose 30-day window reaches back to `day`.
 */
export function forwardWeeks(day: string, today: string): string[] {
  const from = [weekOf(day), weekOf(today)].sort().at(-1)!;
  const last = weekOf(addDays(day, QUERY_WINDOW_DAYS - 1));
  const weeks: string[] = [];
  for (let week = from; week <= last; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/** The first day of the 30-day window ending on `today` (today included). */
export const windowStart = (today: string): string => addDays(today, -(QUERY_WINDOW_DAYS - 1));
