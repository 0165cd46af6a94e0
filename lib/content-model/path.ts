import { z } from 'zod';
import { checkLifecycle, itemBaseShape, slugSchema } from './common';

/** An ordered set of lessons for a role, e.g. "Support agent — week 1". */
export const pathSchema = z
  .strictObject({
    type: z.literal('path'),
    ...itemBaseShape,
    lessons: z.array(slugSchema).min(1, 'a path needs at least one lesson'),
  })
  .superRefine((item, ctx) => {
    checkLifecycle(item, ctx);
    const seen = new Set<string>();
    item.lessons.forEach((id, i) => {
      if (seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['lessons', i],
          message: `lesson "${id}" is listed twice`,
        });
      seen.add(id);
    });
  });
export type Path = z.infer<typeof pathSchema>;
