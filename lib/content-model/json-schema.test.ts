import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './json-schema';

describe('jsonSchemas', () => {
  it.each(Object.entries(jsonSchemas()))(
    'matches the committed docs/schema/%s (run `npm run schema`)',
    (name, schema) => {
      const committed = JSON.parse(
        readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schema', name), 'utf8'),
      ) as unknown;
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
    },
  );

  it('describes every item type and its status values', () => {
    const text = JSON.stringify(jsonSchemas()['item.schema.json']);
    for (const type of ['article', 'tip', 'lesson', 'path', 'announcement'])
      expect(text).toContain(`"const":"${type}"`);
    expect(text).toContain('"in_review"');
  });
});
