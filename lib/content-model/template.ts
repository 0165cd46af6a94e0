import { z } from 'zod';
import { slugSchema } from './common';
import { itemTypeDef } from './registry';

/** How long a verification holds when a template (or an item) does not say. */
export const DEFAULT_VERIFY_DAYS = 90;

/** Keys `fields` may not set, and why: the template's own keys, the author or the server do. */
const RESERVED_FIELDS: Readonly<Record<string, string>> = {
  id: 'the author names each item',
  type: 'item_type says it',
  body: 'the body skeleton is the template body',
  verify_days: "the template's verify_days says it",
  verify_by: 'it is set when the item is published',
  status: 'the server sets it',
  version: 'the server sets it',
  updated_at: 'the server sets it',
};

const templateShape = {
  id: slugSchema,
  name: z.string().trim().min(3, 'must be at least 3 characters').max(80),
  description: z.string().trim().max(400).default(''),
  item_type: z.enum(['article', 'tip', 'lesson', 'path', 'announcement']),
  /** Days between verifications for items made from this template. */
  verify_days: z.number().int().min(1).max(730).default(DEFAULT_VERIFY_DAYS),
  /** The item's starting fields beyond the body, e.g. `{template: how-to}` or `{steps: […]}`. */
  fields: z.record(z.string(), z.unknown()).default({}),
  /** The Markdown skeleton the body starts from. */
  body: z.string().max(20_000).default(''),
};
type TemplateFields = z.infer<z.ZodObject<typeof templateShape>>;

/** The fields an item made from `template` starts with: the draft the author goes on to edit. */
export function itemFieldsFrom(template: TemplateFields): Record<string, unknown> {
  return {
    ...template.fields,
    type: template.item_type,
    body: template.body,
    verify_days: template.verify_days,
  };
}

/**
 * `template` as the item it makes, with stand-ins for what the author adds (id, title, owner; the
 * app a tip is for; the lessons a path lists; an announcement's dates) and what the server sets (status, version…).
 */
function sampleItem(template: TemplateFields): Record<string, unknown> {
  const { targeting } = template.fields;
  const placeholderApps = template.item_type === 'tip' ? { apps: ['zendesk'] } : {};
  return {
    title: 'An item made from this template',
    owner: 'author@example.com',
    ...(template.item_type === 'path' ? { lessons: ['a-lesson'] } : {}),
    ...(template.item_type === 'announcement'
      ? { starts_at: '2026-01-01', ends_at: '2026-01-31' }
      : {}),
    ...itemFieldsFrom(template),
    targeting:
      typeof targeting === 'object' && targeting !== null && !Array.isArray(targeting)
        ? { ...placeholderApps, ...targeting }
        : (targeting ?? placeholderApps),
    id: 'from-template',
    status: 'draft',
    version: 1,
    updated_at: '2026-01-01',
  };
}

/**
 * Reports, at the template's own field, anything that would make an item started from it invalid
 * for its type: a template nobody can publish from is a broken template.
 */
function checkMakesValidItem(template: TemplateFields, ctx: z.RefinementCtx): void {
  const reserved = (key: PropertyKey | undefined): key is string =>
    typeof key === 'string' && Object.hasOwn(RESERVED_FIELDS, key);
  for (const key of Object.keys(template.fields).filter(reserved)) {
    ctx.addIssue({
      code: 'custom',
      path: ['fields', key],
      message: `not a template field: ${RESERVED_FIELDS[key]}`,
    });
  }
  const def = itemTypeDef(template.item_type);
  const result = def?.schema.safeParse(sampleItem(template));
  if (result === undefined || result.success) return;
  for (const issue of result.error.issues) {
    const [first] = issue.path;
    if (first !== 'body' && reserved(first)) continue; // reported above, or a stand-in
    ctx.addIssue({ ...issue, path: first === 'body' ? ['body'] : ['fields', ...issue.path] });
  }
}

/**
 * A template an author starts an item from. Templates are content too (`content/templates/`, one
 * Markdown file each: front matter + the body skeleton), reviewed like everything else. A template
 * sets the item's type, its starting fields (an article's kind, a tip's placement, a lesson's
 * step and question skeleton…) and how often items made from it must be re-verified. It must make
 * a valid item once the author adds an id, a title and (for a tip) an app.
 */
export const templateSchema = z.strictObject(templateShape).superRefine(checkMakesValidItem);
export type Template = z.infer<typeof templateSchema>;
