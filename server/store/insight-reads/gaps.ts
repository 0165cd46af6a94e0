/** The Gaps view's reads: screens' searches, failed queries past the k rule, content requests. */

import { acrossMonths, APP, numbers, periodReads, range, type ReadRunner } from './kit';
import type {
  ContentRequestTotal,
  ContentRequestWords,
  InsightRange,
  QueryTotal,
  RankedQuery,
  ScreenDay,
} from './types';

export async function screenDays(run: ReadRunner, r: InsightRange): Promise<ScreenDay[]> {
  const rows = await run(
    `SELECT day, app, screen, searches, failed, opened, record_views, record_views_help
     FROM ins_screen_day WHERE day >= ? AND day <= ? AND ${APP}`,
    range(r),
  );
  return numbers(rows, ['searches', 'failed', 'opened', 'record_views', 'record_views_help']);
}

/** Failed queries per screen, only those `k` or more distinct people typed within 30 days. */
export async function visibleQueries(
  run: ReadRunner,
  r: InsightRange,
  k: number,
): Promise<QueryTotal[]> {
  const rows = await acrossMonths(
    run,
    r,
    (span, period) =>
      `SELECT d.app AS app, d.screen AS screen, q.text AS query, sum(d.n) AS searches,
         q.peak AS people
       FROM ins_query_${span} d JOIN ins_queries q ON q.id = d.query
       WHERE ${period} AND (? = '' OR d.app = ?) AND q.peak >= ?
       GROUP BY d.app, d.screen, q.id, q.text, q.peak`,
    [r.app ?? '', r.app ?? '', k],
    { keys: ['app', 'screen', 'query'], sums: ['searches'], greatest: ['people'] },
  );
  return numbers(rows, ['searches', 'people']);
}

/**
 * The most searched of each screen's visible queries (as `visibleQueries`, the same k rule):
 * those fewer than `top` others beat on searches — ties at the edge all come, so the caller's
 * order decides — each with how many the screen has in all. The database sums the parts of the
 * period and ranks, so a year of queries never leaves it.
 */
export async function topQueries(
  run: ReadRunner,
  r: InsightRange,
  k: number,
  top: number,
): Promise<RankedQuery[]> {
  const app = r.app ?? '';
  const pieces = periodReads(
    r,
    (span, period) =>
      `SELECT d.app AS app, d.screen AS screen, d.query AS query, d.n AS n
       FROM ins_query_${span} d JOIN ins_queries q ON q.id = d.query
       WHERE ${period} AND (? = '' OR d.app = ?) AND q.peak >= ?`,
    [app, app, k],
  );
  if (pieces.length === 0) return [];
  const rows = await run(
    `SELECT t.app AS app, t.screen AS screen, q.text AS query, t.searches AS searches,
       q.peak AS people, t.visible AS visible
     FROM (
       SELECT app, screen, query, searches,
         rank() OVER (PARTITION BY app, screen ORDER BY searches DESC) AS place,
         count(*) OVER (PARTITION BY app, screen) AS visible
       FROM (
         SELECT app, screen, query, sum(n) AS searches
         FROM (${pieces.map((p) => p.sql).join(' UNION ALL ')}) p GROUP BY app, screen, query
       ) g
     ) t JOIN ins_queries q ON q.id = t.query
     WHERE t.place <= ?`,
    [...pieces.flatMap((p) => p.params), top],
  );
  return numbers(rows, ['searches', 'people', 'visible']);
}

/** Learners' content requests per screen ('' for none). */
export async function contentRequestTotals(
  run: ReadRunner,
  r: InsightRange,
): Promise<ContentRequestTotal[]> {
  const rows = await run(
    `SELECT app, screen, count(*) AS requests FROM ins_content_requests
     WHERE day >= ? AND day <= ? AND ${APP} GROUP BY app, screen`,
    range(r),
  );
  return numbers(rows, ['requests']);
}

/** The newest `limit` requests' words (scrubbed on the device), newest first. */
export async function contentRequestWords(
  run: ReadRunner,
  r: InsightRange,
  limit: number,
): Promise<ContentRequestWords[]> {
  return (await run(
    `SELECT app, screen, day, text FROM ins_content_requests
     WHERE day >= ? AND day <= ? AND ${APP} ORDER BY day DESC, id LIMIT ?`,
    [...range(r), limit],
  )) as unknown as ContentRequestWords[];
}
