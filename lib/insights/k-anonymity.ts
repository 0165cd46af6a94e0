import { z } from 'zod';
import { addDays } from './time';

/**
 * Who may see what: the k-anonymity rules the server applies before a number or a query reaches a
 * person. Pure functions over what the server already aggregated, shared so the rules are written
 * once and tested here; the server (server/insights/) calls them for every view and export.
 */

/** A failed query is shown once this many distinct people typed it within the window. */
export const QUERY_K_DEFAULT = 5;
/** The lowest threshold an admin may set (the change is audit-logged by the server). */
export const QUERY_K_MIN = 3;
export const QUERY_WINDOW_DAYS = 30;
/** Team and role views need this many people in a cell; impact views (cohorts) more. */
export const GROUP_MIN_PEOPLE = 5;
export const IMPACT_MIN_PEOPLE = 10;

/** What an admin may set the query threshold to. */
export const queryThresholdSchema = z
  .number()
  .int()
  .min(QUERY_K_MIN, `must be at least ${QUERY_K_MIN}`)
  .max(1_000);

/** The threshold in force: the default, or the admin's setting never below the minimum. */
export function queryThreshold(setting?: number): number {
  if (setting === undefined || !Number.isFinite(setting)) return QUERY_K_DEFAULT;
  return Math.max(QUERY_K_MIN, Math.ceil(setting));
}

/** One failed search as the server holds it before the threshold is reached. */
export interface QueryContribution {
  query: string;
  /**
   * Who typed it, as a key that stays the same for one person through the whole window (the
   * server's keyed person hash; never a user id) — so five searches by one person count once.
   */
  person: string;
  day: string;
}

export interface VisibleQuery {
  query: string;
  /** Distinct people in the window (at least k). */
  people: number;
  /** Failed searches in the window. */
  searches: number;
  lastDay: string;
}

/**
 * The failed queries that may be shown on `today`: those typed by at least `k` distinct people in
 * the last QUERY_WINDOW_DAYS days (today included). Below that, a query is not shown, counted or
 * hinted at. Most searched first.
 */
export function visibleQueries(
  contributions: Iterable<QueryContribution>,
  options: { today: string; k?: number },
): VisibleQuery[] {
  const k = queryThreshold(options.k);
  const from = addDays(options.today, -(QUERY_WINDOW_DAYS - 1));
  const byQuery = new Map<string, { people: Set<string>; searches: number; lastDay: string }>();
  for (const c of contributions) {
    if (c.day < from || c.day > options.today) continue;
    const entry = byQuery.get(c.query) ?? { people: new Set(), searches: 0, lastDay: c.day };
    entry.people.add(c.person);
    entry.searches += 1;
    if (c.day > entry.lastDay) entry.lastDay = c.day;
    byQuery.set(c.query, entry);
  }
  return [...byQuery]
    .filter(([, e]) => e.people.size >= k)
    .map(([query, e]) => ({
      query,
      people: e.people.size,
      searches: e.searches,
      lastDay: e.lastDay,
    }))
    .sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query));
}

/** The people minimum for a kind of view. */
export const viewMinimums = {
  team: GROUP_MIN_PEOPLE,
  role: GROUP_MIN_PEOPLE,
  impact: IMPACT_MIN_PEOPLE,
};
export type GroupedView = keyof typeof viewMinimums;

export type SuppressedRow<R, K extends keyof R> = Pick<R, K> & { suppressed: true };

/**
 * Rows of a team, role or impact view with every cell under the view's minimum of people
 * replaced by its labels (`keep`) and `suppressed: true`: no number, no drill-down. When the view
 * also shows a total, one suppressed row could be worked out by subtraction, so the smallest other
 * row is suppressed with it (secondary suppression).
 */
export function suppressSmallGroups<R extends { people: number }, K extends keyof R>(
  rows: readonly R[],
  options: { view: GroupedView; keep: readonly K[]; withTotal?: boolean },
): (R | SuppressedRow<R, K>)[] {
  const min = viewMinimums[options.view];
  const hidden = new Set(rows.filter((row) => row.people < min));
  if (options.withTotal === true && hidden.size === 1) {
    const next = rows.filter((row) => !hidden.has(row)).sort((a, b) => a.people - b.people)[0];
    if (next !== undefined) hidden.add(next);
  }
  return rows.map((row) => {
    if (!hidden.has(row)) return row;
    const labels = Object.fromEntries(options.keep.map((key) => [key, row[key]])) as Pick<R, K>;
    return { ...labels, suppressed: true as const };
  });
}
