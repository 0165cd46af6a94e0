import { z } from 'zod';
import { checkLifecycle, checkUnique, itemBaseShape, slugSchema } from './common';

/** An ordered set of lessons for a role, e.g. "Support agent — week 1". */
export const pathSchema = z
  .strictObject({
    type: z.literal('path'),
    ...itemBaseShape,
    lessons: z.array(slugSchema).min(1, 'a path needs at least one lesson'),
  })
  .superRefine((item, ctx) => {
    checkLifecycle(item, ctx);
    checkUnique(item.lessons, ctx, ['lessons'], (id) => `lesson "${id}" is listed twice`);
  });
export type Path = z.infer<typeof pathSchema>;
