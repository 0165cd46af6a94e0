import { z } from 'zod';
import { checkLifecycle, itemBaseShape } from './common';

export const articleTemplates = ['how-to', 'troubleshooting', 'policy', 'faq'] as const;

/** A full article: the answer an agent reads mid-ticket. The template sets its shape and tone. */
export const articleSchema = z
  .strictObject({
    type: z.literal('article'),
    ...itemBaseShape,
    template: z.enum(articleTemplates),
  })
  .superRefine((item, ctx) => {
    checkLifecycle(item, ctx);
    if (item.body.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'an article needs a body' });
    }
  });
export type Article = z.infer<typeof articleSchema>;
