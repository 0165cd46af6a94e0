import { describe, expect, it } from 'vitest';
import { itemFieldsFrom, itemSchema, templateSchema } from './index';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const lessonTemplate = {
  id: 'micro-lesson',
  name: 'Micro-lesson',
  item_type: 'lesson',
  verify_days: 120,
  fields: {
    objectives: ['Do the task'],
    steps: [{ title: 'Open the screen', body: 'Say where to go.' }],
  },
  body: 'Why this matters.',
};
const author = {
  id: 'refunds-lesson',
  title: 'Refunds',
  owner: 'ops@example.com',
  status: 'draft',
  updated_at: '2026-11-01',
  version: 1,
};

describe('templateSchema', () => {
  it('fills the defaults: 90 days, no fields, an empty body', () => {
    expect(
      templateSchema.parse({
        id: 'screen-tip',
        name: 'Screen tip',
        item_type: 'tip',
        body: 'Hint.',
      }),
    ).toMatchObject({ verify_days: 90, fields: {}, description: '' });
  });

  it('makes, with what the author adds, a valid item that carries the verify_days', () => {
    const template = templateSchema.parse(lessonTemplate);
    const item = itemSchema.parse({ ...itemFieldsFrom(template), ...author });
    expect(item).toMatchObject({ type: 'lesson', verify_days: 120, body: 'Why this matters.' });
  });

  it('reports fields the item type does not have, or gets wrong, under fields', () => {
    const bad = {
      ...lessonTemplate,
      fields: { ...lessonTemplate.fields, objectives: [], template: 'how-to' },
    };
    expect(messages(templateSchema.safeParse(bad))).toEqual([
      'fields.objectives: a lesson needs at least one objective',
      'fields: Unrecognized key: "template"',
    ]);
  });

  it('refuses fields that the author, the server or the template itself sets', () => {
    const bad = {
      ...lessonTemplate,
      fields: { ...lessonTemplate.fields, id: 'x', verify_days: 5 },
    };
    expect(messages(templateSchema.safeParse(bad))).toEqual([
      'fields.id: not a template field: the author names each item',
      "fields.verify_days: not a template field: the template's verify_days says it",
    ]);
  });

  it('checks the body skeleton against the item type', () => {
    const tip = { id: 'tip', name: 'Tip', item_type: 'tip', body: 'x'.repeat(1201) };
    expect(messages(templateSchema.safeParse(tip))).toEqual([
      'body: a tip body is at most 1200 characters',
    ]);
  });

  it('leaves the lessons of a path and the app of a tip to the author', () => {
    expect(templateSchema.safeParse({ id: 'p', name: 'Path', item_type: 'path' }).success).toBe(
      true,
    );
    expect(
      templateSchema.safeParse({ id: 't', name: 'Tip', item_type: 'tip', body: 'Hint.' }).success,
    ).toBe(true);
  });
});
