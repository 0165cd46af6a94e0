import { z } from 'zod';
import { checkTranslation, localeSchema } from './locale';

/** A stable, URL-safe identifier: lower-case words joined by single hyphens. */
export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a slug: lower-case letters, digits and single hyphens',
  )
  .max(80, 'must be at most 80 characters');

/** `app:screen`, e.g. `zendesk:ticket`; checked against the catalogue by `waymark content check`. */
export const screenRefSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[a-z0-9-]+$/, 'must be "app:screen", e.g. "zendesk:ticket"');

export const itemStatuses = ['draft', 'in_review', 'published', 'archived'] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
export const isoDateOrDateTime = z.union([isoDate, z.iso.datetime({ offset: true })], {
  message: 'must be a date (YYYY-MM-DD) or an ISO date-time with offset',
});

/** The systems `waymark import` reads; an imported item's `source.system` names one. */
export const importSystems = ['zendesk', 'confluence', 'guru', 'html', 'markdown'] as const;
export type ImportSystem = (typeof importSystems)[number];

/**
 * Where an imported item came from. A re-import finds the item again by `system` + `id` (so it
 * updates instead of duplicating, even when the title changed), and skips it while the source's
 * `updated_at` is the one recorded here (so edits made in Waymark survive an unchanged source).
 */
export const provenanceSchema = z
  .strictObject({
    system: z.enum(importSystems),
    id: z.string().trim().min(1, 'must name the item in its source system').max(500),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2000)
      .optional(),
    updated_at: isoDateOrDateTime.optional(),
  })
  .describe('where an imported item came from: source system, id there, URL and last update');
export type Provenance = z.infer<typeof provenanceSchema>;

/** Who an item is for and where it appears. Empty lists mean "everyone" / "everywhere". */
export const targetingSchema = z.strictObject({
  apps: z.array(slugSchema).default([]),
  screens: z.array(screenRefSchema).default([]),
  roles: z.array(slugSchema).default([]),
  teams: z.array(slugSchema).default([]),
});
export type Targeting = z.infer<typeof targetingSchema>;

/**
 * Fields every knowledge item carries, whatever its type: identity, text, targeting and the
 * governance lifecycle (owner, status, verify-by, version).
 */
export const itemBaseShape = {
  id: slugSchema,
  title: z.string().trim().min(3, 'must be at least 3 characters').max(160),
  summary: z.string().trim().max(400).default(''),
  body: z.string().max(200_000).default(''),
  targeting: targetingSchema.default({ apps: [], screens: [], roles: [], teams: [] }),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  /** What learners also search it as, in words its text does not use ("combine" for an article
   * on merging): indexed with the tags (lib/search/item-to-doc.ts), never shown to learners. */
  synonyms: z
    .array(z.string().trim().min(1).max(60, 'a synonym is at most 60 characters'))
    .max(30, 'at most 30 synonyms')
    .optional()
    .describe(
      'what learners also search this item as, in words its text does not use; indexed for search with the tags, never shown',
    ),
  owner: z.string().trim().min(1, 'must name an owner').max(200),
  status: itemStatusSchema,
  verify_by: isoDate.optional(),
  /** Days between verifications, from the item's template; 90 when unset. */
  verify_days: z
    .number()
    .int()
    .min(1)
    .max(730)
    .optional()
    .describe("days between verifications, from the item's template; 90 when unset"),
  updated_at: isoDateOrDateTime,
  version: z.number().int().min(1),
  /** Set by `waymark import`; absent on items written in Waymark. */
  source: provenanceSchema.optional(),
  /** The language of its text (BCP 47); absent: the organisation's default (locale.ts). */
  locale: localeSchema.optional(),
  /** The id of the item this one translates: one logical item, several language versions. */
  translation_of: slugSchema
    .optional()
    .describe('id of the item this one translates (same type); absent on a source item'),
} as const;

/** Rules that hold for every item type, applied after the type's own schema. */
export function checkLifecycle(
  item: {
    id: string;
    status: ItemStatus;
    verify_by?: string | undefined;
    translation_of?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  checkTranslation(item, ctx);
  if (item.status === 'published' && item.verify_by === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['verify_by'],
      message: 'a published item needs a verify_by date (YYYY-MM-DD)',
    });
  }
}

/** Reports each repeated id in `ids` at `[...path, index, ...suffix]`. */
export function checkUnique(
  ids: readonly string[],
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[],
  message: (id: string) => string,
  suffix: readonly PropertyKey[] = [],
): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      ctx.addIssue({ code: 'custom', path: [...path, i, ...suffix], message: message(id) });
    seen.add(id);
  });
}
