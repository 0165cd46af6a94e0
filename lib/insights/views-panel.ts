import { z } from 'zod';
import { count, day, periodSchema, searchCountsSchema, share, slug } from './views-common';
import { gapStatuses, itemUsageSchema, tipHealthSchema, visibleQuerySchema } from './views-content';

/**
 * The side panel's scoped views (for authors: this screen, this item), the learner's own records,
 * and the bodies of the insights actions — part of the contract in views.ts.
 */

const panelBase = { period: periodSchema, generated_at: z.iso.datetime() };

/** GET /v1/insights/screens/:app/:screen — the author's "this screen". */
export const screenViewSchema = z.strictObject({
  view: z.literal('screen'),
  ...panelBase,
  app: slug,
  screen: slug.optional(),
  k: z.number().int(),
  ...searchCountsSchema.shape,
  queries: z.array(visibleQuerySchema),
  /** Tips on this screen whose element was not found in the period. */
  broken_tips: z.array(tipHealthSchema),
  /** Items used on this screen, most opened and read first (at most 10). */
  top_items: z.array(
    z.strictObject({
      item: slug,
      title: z.string().optional(),
      shown: count,
      opened: count,
      reads: count,
      helpful_share: share.optional(),
    }),
  ),
  /** Helpful answers / all answers, over the top items. */
  helpful_share: share.optional(),
});
export type ScreenView = z.output<typeof screenViewSchema>;

/** GET /v1/insights/items/:id — the author's "this item". */
export const itemViewSchema = z.strictObject({
  view: z.literal('item'),
  ...panelBase,
  usage: itemUsageSchema,
  /** Each week (Monday) the period touches. */
  weeks: z.array(z.strictObject({ week: day, shown: count, opened: count, reads: count })),
  /** The last verification or publication (from the audit trail). */
  last_verified: day.optional(),
});
export type ItemView = z.output<typeof itemViewSchema>;

/** GET /v1/me/learning — the signed-in learner's own named records (nobody else's). */
export const myLearningSchema = z.strictObject({
  email: z.string(),
  lessons: z.array(
    z.strictObject({
      lesson: slug,
      /** Steps finished (0-based), in order. */
      steps: z.array(count),
      completed_on: day.optional(),
      /** The last completion's score. */
      questions: count.optional(),
      correct: count.optional(),
      answers: z.array(
        z.strictObject({
          question: slug,
          choices: z.array(slug),
          correct: z.boolean(),
          attempt: count,
          day,
        }),
      ),
    }),
  ),
  paths: z.array(z.strictObject({ path: slug, completed_on: day })),
});
export type MyLearning = z.output<typeof myLearningSchema>;

/** PUT /v1/insights/gaps/:app/:screen — an author sets a gap's status (and its item). */
export const gapStateBodySchema = z.strictObject({
  status: z.enum(gapStatuses),
  /** The item that answers it; null unlinks. */
  item: slug.nullable().optional(),
});

/** POST /v1/insights/gaps/:app/:screen/draft — a draft from a template, linked to the gap. */
export const gapDraftBodySchema = z.strictObject({
  /** A template id (GET /v1/templates); default: the first article template. */
  template: slug.optional(),
  /** The new item's id; default: made from the title. */
  id: slug.optional(),
  title: z.string().trim().min(3).max(160).optional(),
});

export const gapDraftResponseSchema = z.strictObject({
  gap: z.string(),
  /** The draft item as created (status draft, version 1), to open in the editor. */
  item: z.record(z.string(), z.unknown()),
});

/** GET /v1/me/holdout — whether the signed-in user's team is held out of guidance today. */
export const holdoutStatusSchema = z.strictObject({
  held_out: z.boolean(),
  design: z.enum(['holdout', 'staggered']).optional(),
  /** For a staggered start: the day the team's guidance begins (absent: never, a control team). */
  starts_on: day.optional(),
});
export type HoldoutStatus = z.output<typeof holdoutStatusSchema>;

/** A gap's stored state, as PUT /v1/insights/gaps/:app/:screen answers it. */
export const gapStateSchema = z.strictObject({
  key: z.string(),
  app: slug.optional(),
  screen: slug.optional(),
  status: z.enum(gapStatuses),
  item: slug.optional(),
  updated_at: z.iso.datetime(),
  updated_by: z.string(),
});
export type GapStateView = z.output<typeof gapStateSchema>;
