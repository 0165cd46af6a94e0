import { z } from 'zod';
import { anchorSchema } from './anchor';
import { checkLifecycle, itemBaseShape } from './common';

/**
 * A short hint shown in context: on a whole screen (no anchor), or as a beacon on one element
 * (with an anchor). Tips must say which app they belong to; the body stays short enough for a card.
 */
export const tipSchema = z
  .strictObject({
    type: z.literal('tip'),
    ...itemBaseShape,
    body: z
      .string()
      .trim()
      .min(1, 'a tip needs a body')
      .max(1200, 'a tip body is at most 1200 characters'),
    anchor: anchorSchema.optional(),
    placement: z.enum(['auto', 'top', 'bottom', 'left', 'right']).default('auto'),
  })
  .superRefine((item, ctx) => {
    checkLifecycle(item, ctx);
    if (item.targeting.apps.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['targeting', 'apps'],
        message: 'a tip must target at least one app',
      });
    }
  });
export type Tip = z.infer<typeof tipSchema>;
