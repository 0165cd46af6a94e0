import { describe, expect, it } from 'vitest';
import { itemSchema, itemTypes, lessonSchema, tipSchema } from './index';

const base = {
  id: 'x-item',
  title: 'An item',
  owner: 'ops@example.com',
  status: 'draft',
  updated_at: '2026-11-01',
  version: 1,
};
const question = {
  id: 'q',
  prompt: 'Which?',
  kind: 'single',
  choices: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  correct: ['a'],
  explanation: 'Because.',
};
const lesson = {
  ...base,
  type: 'lesson',
  objectives: ['Learn'],
  steps: [{ title: 'Do', body: 'Do it.' }],
  questions: [question],
};
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('item schemas', () => {
  it('lists item types with lessons before the paths that reference them', () => {
    const order = itemTypes.map((t) => t.type);
    expect(order.indexOf('lesson')).toBeLessThan(order.indexOf('path'));
  });

  it('fills defaults for targeting, tags and summary', () => {
    const parsed = itemSchema.parse({ ...base, type: 'article', template: 'faq', body: 'Answer.' });
    expect(parsed.targeting).toEqual({ apps: [], screens: [], roles: [], teams: [] });
    expect(parsed.tags).toEqual([]);
  });

  it('requires verify_by on a published item', () => {
    expect(
      messages(
        itemSchema.safeParse({
          ...base,
          status: 'published',
          type: 'article',
          template: 'faq',
          body: 'A.',
        }),
      ),
    ).toEqual(['verify_by: a published item needs a verify_by date (YYYY-MM-DD)']);
  });

  it('rejects unknown fields and wrong types', () => {
    const result = itemSchema.safeParse({
      ...base,
      type: 'article',
      template: 'essay',
      body: 'A.',
      colour: 'red',
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^template: /),
        expect.stringMatching(/colour/),
      ]),
    );
  });

  it('requires a tip to target an app', () => {
    expect(messages(tipSchema.safeParse({ ...base, type: 'tip', body: 'Short hint.' }))).toEqual([
      'targeting.apps: a tip must target at least one app',
    ]);
  });

  it('accepts a lesson with a valid knowledge check', () => {
    expect(lessonSchema.safeParse(lesson).success).toBe(true);
  });

  it('rejects a correct answer that is not a choice, and two answers to a single-choice question', () => {
    const bad = { ...lesson, questions: [{ ...question, correct: ['a', 'z'] }] };
    expect(messages(lessonSchema.safeParse(bad))).toEqual([
      'questions.0.correct.1: "z" is not one of the choices',
      'questions.0.correct: a single-choice question has exactly one correct choice',
    ]);
  });

  it('rejects a done_when that mixes conditions', () => {
    const bad = {
      ...lesson,
      steps: [{ title: 'Do', body: 'Do it.', done_when: { url: 'x', element: '#y' } }],
    };
    expect(lessonSchema.safeParse(bad).success).toBe(false);
  });
});

describe('duplicate ids inside an item', () => {
  it('reports a repeated question id at the repeat', () => {
    const bad = { ...lesson, questions: [question, question] };
    expect(messages(lessonSchema.safeParse(bad))).toEqual([
      'questions.1.id: duplicate question id "q"',
    ]);
  });
});
