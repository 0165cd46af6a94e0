/**
 * The insights API's JSON, typed once for the server (which builds it), the web dashboard and the
 * side panel (which render it) and the CLI (which prints it). Every view is a strict object; the
 * server checks each response against its schema before sending it. Conventions:
 *
 * - Counts are integers over the view's `period` (UTC days, both ends included).
 * - A share (`*_rate`, `*_share`, `coverage`…) is a number from 0 to 1, absent when there was
 *   nothing to divide by (never 0/0 shown as 0).
 * - Anything about fewer people than the rule allows (team cells, path times, question results
 *   under `min_people`; helpdesk cohorts under 10 agents) is `{ suppressed: true }` with its
 *   labels only: no number, no drill-down. A failed query appears only once at least `k` people
 *   typed it within 30 days; below that it is not listed, counted or hinted at.
 * - `app`/`screen`/`team` absent means "none" (a search outside any app, a user without a team).
 * - Individuals are never listed or ranked; learning records are named only in `GET /v1/me/learning`,
 *   which answers the learner about themselves.
 *
 * Every view is also served as CSV (`?format=csv`, one table per view: `viewTables`).
 */

export * from './views-common';
export * from './views-content';
export * from './views-people';
export * from './views-panel';
export * from './view-tables';
export * from './settings';
