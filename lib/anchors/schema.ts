import { z } from 'zod';
import { STABLE_ATTRS } from './stable-attrs';

/**
 * The anchor format (v1) for content boundaries (content files, feed, server). The content script
 * itself validates with the zod-free twin in `validate.ts`; `schema.test.ts` keeps the two in step.
 */
const name = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);
const text = z.string().max(200);
const attrs = z.partialRecord(z.enum(STABLE_ATTRS), text);

const landmarkSchema = z.object({ role: name, label: text.optional(), attrs: attrs.optional() });

export const signatureSchema = z.object({
  tag: name,
  attrs: attrs.optional(),
  role: name.optional(),
  label: text.optional(),
  text: text.optional(),
  data: z.boolean().optional(),
  landmark: landmarkSchema.optional(),
  ancestors: z.array(text).max(32).optional(),
  field: text.optional(),
  scope: z.array(text).max(32).optional(),
  near: text.optional(),
  nth: z
    .tuple([z.int().min(0), z.int().min(1)])
    .refine(([index, count]) => index < count, 'nth index must be below the count')
    .optional(),
});

export const anchorSchema = z.object({
  v: z.literal(1),
  path: z.array(z.object({ via: z.enum(['shadow', 'frame']), host: signatureSchema })).max(32),
  target: signatureSchema,
  lang: z.string().max(35).optional(),
});
