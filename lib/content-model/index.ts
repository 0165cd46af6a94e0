import { z } from 'zod';
import { announcementSchema } from './announcement';
import { appSchema } from './app';
import { articleSchema } from './article';
import { lessonSchema } from './lesson';
import { pathSchema } from './path';
import { tipSchema } from './tip';

export * from './common';
export * from './locale';
export * from './app';
export * from './article';
export * from './tip';
export * from './lesson';
export * from './path';
export * from './announcement';
export * from './anchor';
export * from './template';
export { itemTypes, itemTypeDef, type ItemType, type ItemTypeDef } from './registry';

/** Any knowledge item, discriminated by `type`. */
export const itemSchema = z.discriminatedUnion('type', [
  articleSchema,
  tipSchema,
  lessonSchema,
  pathSchema,
  announcementSchema,
]);
export type Item = z.infer<typeof itemSchema>;

export const BUNDLE_FORMAT = 'waymark-bundle';
export const BUNDLE_VERSION = 1;

/** What `waymark content build` writes and the extension and server load: apps plus items. */
export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  generated_at: z.iso.datetime({ offset: true }),
  apps: z.array(appSchema),
  items: z.array(itemSchema),
});
export type Bundle = z.infer<typeof bundleSchema>;
export * from './feed';
