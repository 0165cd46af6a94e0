import { z } from 'zod';
import { helpfulReasons, unhelpfulReasons } from './events';
import { count, day, searchCountsSchema, share, slug, viewBase } from './views-common';

/** Gaps, content and guidance health: part of the contract in views.ts (conventions there). */

// ——— Gaps ———

export const gapStatuses = ['open', 'addressed', 'dismissed'] as const;
export type GapStatus = (typeof gapStatuses)[number];

/** A failed query past the k rule, with its searches in the period. */
export const visibleQuerySchema = z.strictObject({
  query: z.string().min(1),
  searches: count,
  /** The most distinct people who typed it within any 30 days (at least `k`). */
  people: count,
});

/** The failed-search rate on the gap's screen before and after its answer was published. */
export const gapClosedSchema = z.strictObject({
  published_on: day,
  /** The 28 days before publication, and the 28 days after it (up to today). */
  before: searchCountsSchema,
  after: searchCountsSchema,
  /** after.failed_rate − before.failed_rate: negative when the gap is closing. */
  change: z.number().optional(),
});

export const gapSchema = z.strictObject({
  /** `app/screen` (`-` for none): the gap's id in /v1/insights/gaps/:app/:screen. */
  key: z.string(),
  app: slug.optional(),
  screen: slug.optional(),
  ...searchCountsSchema.shape,
  /** The period of the same length just before. */
  previous: searchCountsSchema,
  /** The trend: each week (Monday) the period touches. */
  weeks: z.array(z.strictObject({ week: day, searches: count, failed: count })),
  /**
   * The words people used here, most searched first (k rule applied): at most GAP_QUERIES_SHOWN;
   * the CSV export of the `queries` table has them all.
   */
  queries: z.array(visibleQuerySchema),
  /** Visible queries past those listed (absent from servers before the list was capped). */
  more_queries: count.optional(),
  status: z.enum(gapStatuses),
  /** The item that answers it (a draft made from the gap, or one linked by hand). */
  item: slug.optional(),
  /** When the answer was published (or the gap marked addressed). */
  addressed_on: day.optional(),
  closed: gapClosedSchema.optional(),
  /**
   * Learners' "Request content" on this screen in the period (POST /v1/content-requests). Absent
   * from servers before content requests; 0 when none.
   */
  requests: count.optional(),
  /**
   * The newest requests (at most GAP_REQUESTS_SHOWN), in the words the learner wrote for the
   * authors as the device scrubbed them: no names of the sender, no ids, nothing of the page.
   */
  requested: z.array(z.strictObject({ day, text: z.string().min(1) })).optional(),
});
export type Gap = z.output<typeof gapSchema>;

/** How many of a gap's visible queries the view lists (a person reads a few, not thousands). */
export const GAP_QUERIES_SHOWN = 10;

/** How many of a gap's newest content requests the view lists. */
export const GAP_REQUESTS_SHOWN = 10;

export const gapsViewSchema = z.strictObject({
  view: z.literal('gaps'),
  ...viewBase,
  /** The query threshold in force (distinct people within 30 days). */
  k: z.number().int(),
  totals: searchCountsSchema,
  /** Content requests in the period, on every screen (absent from servers before them). */
  requests: count.optional(),
  /**
   * Screens with failed searches or content requests in the period, most failed first, then
   * acted-on gaps.
   */
  gaps: z.array(gapSchema),
});
export type GapsView = z.output<typeof gapsViewSchema>;

// ——— Content ———

export const feedbackReasons = [...helpfulReasons, ...unhelpfulReasons] as const;

const usageShape = {
  shown: count,
  opened: count,
  reads: count,
};

export const itemUsageSchema = z.strictObject({
  item: slug,
  title: z.string().optional(),
  type: z.enum(['article', 'tip', 'lesson', 'path', 'announcement']).optional(),
  owner: z.string().optional(),
  ...usageShape,
  /** Opened from the page's own list. */
  opened_from_page: count,
  /** opened_from_page / shown. */
  click_through: share.optional(),
  helpful: count,
  not_helpful: count,
  helpful_share: share.optional(),
  reasons: z.array(
    z.strictObject({ reason: z.enum(feedbackReasons), helpful: z.boolean(), count }),
  ),
  verify_by: day.optional(),
  /** Past its verify-by date. */
  overdue: z.boolean(),
  /** Among the most used (top quarter by opens and reads, at least 10). */
  hot: z.boolean(),
  last_used: day.optional(),
});
export type ItemUsage = z.output<typeof itemUsageSchema>;

export const contentViewSchema = z.strictObject({
  view: z.literal('content'),
  ...viewBase,
  /** Items used in the period, most opened and read first. */
  items: z.array(itemUsageSchema),
  /** Hot items past their verify-by date: fix these first. */
  hot_but_stale: z.array(slug),
  /** Published items nobody opened or read in the period. */
  never_opened: z.array(
    z.strictObject({
      item: slug,
      title: z.string(),
      type: z.enum(['article', 'tip', 'lesson', 'path', 'announcement']),
      owner: z.string(),
    }),
  ),
});
export type ContentView = z.output<typeof contentViewSchema>;

// ——— Guidance health ———

export const tipHealthSchema = z.strictObject({
  tip: slug,
  title: z.string().optional(),
  owner: z.string().optional(),
  app: slug,
  screen: slug.optional(),
  shown: count,
  /** Times the tip's element was not found. */
  unresolved: count,
  dismissed: count,
  /** unresolved / (shown + unresolved). */
  failure_rate: share.optional(),
  first_failed_on: day.optional(),
  /** The first day of the latest run of days it failed without once being found. */
  failing_since: day.optional(),
  /**
   * Days in the period it was shown without failing before `failing_since`: more than 0 means it
   * worked and then broke — likely after a change to the app's screen.
   */
  clean_days_before: count,
});
export type TipHealth = z.output<typeof tipHealthSchema>;

export const guidanceViewSchema = z.strictObject({
  view: z.literal('guidance'),
  ...viewBase,
  /** Tips shown or failing in the period, most failing first. */
  tips: z.array(tipHealthSchema),
});
export type GuidanceView = z.output<typeof guidanceViewSchema>;
