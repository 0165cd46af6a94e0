import type { z } from 'zod';
import { announcementSchema } from './announcement';
import { articleSchema } from './article';
import { lessonSchema } from './lesson';
import { pathSchema } from './path';
import { tipSchema } from './tip';

export interface ItemTypeDef<S extends z.ZodType = z.ZodType> {
  /** The `type` field in front matter and on the wire. */
  type: string;
  /** The folder under `content/` that holds this type's files. */
  folder: string;
  schema: S;
  /** Ids of other items this item refers to, checked to resolve (a path's lessons). */
  references: (item: z.infer<S>) => { type: string; ids: string[]; field: string }[];
}

function define<S extends z.ZodType>(def: ItemTypeDef<S>): ItemTypeDef<S> {
  return def;
}

/**
 * The item types, in dependency order: a type comes after every type it references (a path lists
 * lessons, so lessons precede paths). Loading, checking and the bundle follow this order, and it
 * is the order types are listed in the side panel.
 */
export const itemTypes = [
  define({ type: 'article', folder: 'articles', schema: articleSchema, references: () => [] }),
  define({ type: 'tip', folder: 'tips', schema: tipSchema, references: () => [] }),
  define({ type: 'lesson', folder: 'lessons', schema: lessonSchema, references: () => [] }),
  define({
    type: 'path',
    folder: 'paths',
    schema: pathSchema,
    references: (path) => [{ type: 'lesson', ids: path.lessons, field: 'lessons' }],
  }),
  define({
    type: 'announcement',
    folder: 'announcements',
    schema: announcementSchema,
    references: () => [],
  }),
] as const;

export type ItemType = (typeof itemTypes)[number]['type'];

export function itemTypeDef(type: string): ItemTypeDef | undefined {
  return itemTypes.find((def) => def.type === type);
}
