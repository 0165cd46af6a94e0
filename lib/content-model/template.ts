import { z } from 'zod';
import { slugSchema } from './common';

/** How long a verification holds when a template (or an item) does not say. */
export const DEFAULT_VERIFY_DAYS = 90;

/**
 * A template an author starts an item from. Templates are content too (`content/templates/`, one
 * Markdown file each: front matter + the body skeleton), reviewed like everything else. A template
 * sets the item's type, its starting fields (an article's kind, a tip's placement, a lesson's
 * step and question skeleton…) and how often items made from it must be re-verified.
 */
export const templateSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(3, 'must be at least 3 characters').max(80),
  description: z.string().trim().max(400).default(''),
  item_type: z.enum(['article', 'tip', 'lesson', 'path']),
  /** Days between verifications for items made from this template. */
  verify_days: z.number().int().min(1).max(730).default(DEFAULT_VERIFY_DAYS),
  /** The item's starting fields beyond the body, e.g. `{template: how-to}` or `{steps: […]}`. */
  fields: z.record(z.string(), z.unknown()).default({}),
  /** The Markdown skeleton the body starts from. */
  body: z.string().max(20_000).default(''),
});
export type Template = z.infer<typeof templateSchema>;
