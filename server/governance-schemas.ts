import { z } from 'zod';
import { slugSchema } from '@/lib/content-model';

/** The optional body of a workflow step; `version` is the base (If-Match wins when both). */
export const transitionBody = z.strictObject({
  comment: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1).optional(),
});

/** Counts only: an extension says which tip's anchor failed where, never what the page held. */
export const anchorReportBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: slugSchema,
        app: slugSchema,
        screen: slugSchema,
        count: z.number().int().min(1).max(10_000),
      }),
    )
    .min(1)
    .max(500),
});
