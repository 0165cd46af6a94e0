import { z } from 'zod';
import { slugSchema } from '@/lib/content-model/common';
import { QUERY_K_DEFAULT, queryThresholdSchema } from './k-anonymity';
import { analyticsLevels } from './policy';

/**
 * A policy-driven holdout for the causal step of the impact ladder. Either a random share of
 * teams keeps working without Waymark's guidance from `start` (chosen from `seed`, so anyone can
 * check the draw), or teams are switched on at staggered dates (`teams`: team → first day).
 * The extension asks `GET /v1/me/holdout` whether its user's team is held out.
 */
export const holdoutDesignSchema = z.discriminatedUnion('design', [
  z.strictObject({
    design: z.literal('holdout'),
    start: z.iso.date(),
    /** Share of teams held out, 0.05–0.5. */
    share: z.number().min(0.05).max(0.5),
    seed: z.string().min(1).max(64),
    /** The teams the draw is made from (every team with users when absent). */
    teams: z.array(slugSchema).max(1000).optional(),
  }),
  z.strictObject({
    design: z.literal('staggered'),
    /** Team → the first day it has Waymark. Teams not listed never do (controls). */
    teams: z.record(slugSchema, z.iso.date()),
  }),
]);
export type HoldoutDesign = z.output<typeof holdoutDesignSchema>;

export const insightSettingsSchema = z.strictObject({
  /** Distinct people within 30 days before a failed query is shown (≥ 3; default 5). */
  query_k: queryThresholdSchema,
  /**
   * The most the server takes, whatever devices send: events above it are rejected
   * (`not_allowed`) and nothing of them is stored. `off` stores nothing at all.
   */
  analytics: z.enum(analyticsLevels),
  holdout: holdoutDesignSchema.optional(),
});
export type InsightSettings = z.output<typeof insightSettingsSchema>;

/** Without an admin's change: the default threshold; the devices' policy decides what is sent. */
export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  query_k: QUERY_K_DEFAULT,
  analytics: 'impact',
};

/** A change: any of the settings; `holdout: null` ends the experiment. */
export const settingsChangeSchema = z
  .strictObject({
    query_k: queryThresholdSchema.optional(),
    analytics: z.enum(analyticsLevels).optional(),
    holdout: holdoutDesignSchema.nullable().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'change at least one setting' });
export type SettingsChange = z.output<typeof settingsChangeSchema>;
