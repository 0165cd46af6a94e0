import { z } from 'zod';
import { appSchema, bundleSchema, itemSchema, templateSchema } from './index';

const SCHEMA_BASE = 'urn:waymark:schema:';

/**
 * JSON Schemas generated from the zod schemas, so other tools can produce Waymark content. They
 * describe the input side (fields with defaults are optional). Rules written as code (a published
 * item needs verify_by, a path lists each lesson once…) are enforced by `waymark content check`.
 */
export function jsonSchemas(): Record<string, object> {
  const make = (name: string, schema: z.ZodType, title: string) => ({
    $id: `${SCHEMA_BASE}${name}`,
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  });
  return {
    'app.schema.json': make(
      'app.schema.json',
      appSchema,
      'Waymark app definition (content/apps/<id>.yaml)',
    ),
    'item.schema.json': make(
      'item.schema.json',
      itemSchema,
      'Waymark knowledge item (front matter + body)',
    ),
    'bundle.schema.json': make('bundle.schema.json', bundleSchema, 'Waymark content bundle'),
    'template.schema.json': make(
      'template.schema.json',
      templateSchema,
      'Waymark template (content/templates/<id>.md: front matter + body skeleton)',
    ),
  };
}
