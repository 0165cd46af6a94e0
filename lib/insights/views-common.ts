import { z } from 'zod';
import { slugSchema } from '@/lib/content-model/common';

/** Building blocks of the insights views (the contract and its conventions: views.ts). */

export const day = z.iso.date();
export const count = z.number().int();
/** A share from 0 to 1; absent (never 0) when there was nothing to divide by. */
export const share = z.number().min(0).max(1);
export const slug = slugSchema;
export const suppressed = z.literal(true);

export const periodSchema = z.strictObject({
  from: day,
  to: day,
  days: z.number().int().min(1),
});
export type Period = z.output<typeof periodSchema>;

/** What every view carries: its period, the app it was narrowed to, when it was computed. */
export const viewBase = {
  period: periodSchema,
  app: slug.optional(),
  generated_at: z.iso.datetime(),
};

/** Searches, failed searches (no result, or nothing opened) and the failed share. */
export const searchCountsSchema = z.strictObject({
  searches: count,
  failed: count,
  failed_rate: share.optional(),
});
export type SearchCounts = z.output<typeof searchCountsSchema>;
