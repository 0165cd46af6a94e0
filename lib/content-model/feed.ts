import { z } from 'zod';
import { appSchema } from './app';
import { slugSchema } from './common';
import { localeSchema } from './locale';

/**
 * The content feed: `GET /v1/feed?cursor=C&limit=N` (server) or the same pages as static files
 * (`waymark feed export`). Shared by the server (which writes it) and the extension (which reads
 * it), so both sides validate against one definition.
 *
 * - Ordered by the server's own monotonic sequence, never by a clock. `cursor` is opaque to
 *   clients: send back the last one received; omit it to start from zero.
 * - `items` and `apps` carry whole objects (with their `version`); a client upserts them.
 * - `deleted` lists tombstones: items or apps deleted, archived, unpublished, or no longer visible
 *   to the caller's role/team. A client removes them.
 * - `more: true` means another page follows immediately; ask again with the new cursor.
 * - Items are validated one by one on the client (`itemSchema`), so one bad item never blocks
 *   the page: that is why `items` is typed `unknown[]` here.
 * - Adding an optional top-level field to items or apps is compatible: an older client drops the
 *   fields it does not know (and logs their names) instead of skipping the item. Changing or
 *   removing a field, or adding one inside a nested object, is not.
 */
export const FEED_PAGE_MAX_LIMIT = 1000;
export const FEED_PAGE_DEFAULT_LIMIT = 200;
/** A page never exceeds about this many bytes of JSON; the server stops adding items before it. */
export const FEED_PAGE_MAX_BYTES = 1_000_000;

export const tombstoneSchema = z.strictObject({
  kind: z.enum(['item', 'app']),
  id: slugSchema,
});
export type Tombstone = z.infer<typeof tombstoneSchema>;

export const feedPageSchema = z.strictObject({
  items: z.array(z.unknown()),
  apps: z.array(z.unknown()),
  deleted: z.array(tombstoneSchema),
  cursor: z.string().min(1).max(200),
  more: z.boolean(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

/** What `GET /v1/me` answers: who the token belongs to, as the options page shows it. */
export const roles = ['learner', 'author', 'reviewer', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const meSchema = z.strictObject({
  service: z.literal('waymark'),
  email: z.string().min(3).max(320),
  role: roleSchema,
  team: slugSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * What `GET /v1/content-settings` answers: the organisation's default content language, the
 * language of items without `locale` and the learners' fallback (lib/knowledge/language-versions).
 */
export const contentSettingsSchema = z.object({ default_locale: localeSchema });
export type ContentSettings = z.infer<typeof contentSettingsSchema>;

/**
 * A static feed's head file (`head.json`), the only mutable file of an export: page files are
 * immutable and named by content, so a CDN can cache them forever.
 */
export const staticHeadSchema = z.strictObject({
  format: z.literal('waymark-static-feed'),
  version: z.literal(1),
  audience: z.strictObject({ role: roleSchema, team: slugSchema.nullable() }),
  /** The cursor a client holds after the last page. */
  cursor: z.string().min(1).max(200),
  /** Pages in order; `after` is the cursor a client must hold to need this page ('' = from zero). */
  pages: z.array(
    z.strictObject({
      after: z.string().max(200),
      file: z.string().regex(/^pages\/[a-zA-Z0-9._-]+\.json$/),
    }),
  ),
});
export type StaticHead = z.infer<typeof staticHeadSchema>;

/** App definitions in a feed page are validated one by one too. */
export const feedAppSchema = appSchema;
