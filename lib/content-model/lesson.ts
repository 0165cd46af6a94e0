import { z } from 'zod';
import { anchorSchema } from './anchor';
import { checkLifecycle, checkUnique, itemBaseShape, screenRefSchema, slugSchema } from './common';

/** When a step counts as done without the learner pressing "Next". */
export const doneWhenSchema = z.union([
  z.strictObject({
    url: z.string().min(1).describe('a regular expression tested against the page URL'),
  }),
  z.strictObject({ screen: screenRefSchema }),
  z.strictObject({
    element: z.string().min(1).describe('a CSS selector that must match an element'),
  }),
]);

export const lessonStepSchema = z.strictObject({
  title: z.string().trim().min(1).max(160),
  body: z.string().trim().min(1).max(4000),
  anchor: anchorSchema.optional(),
  done_when: doneWhenSchema.optional(),
});

export const choiceSchema = z.strictObject({
  id: slugSchema,
  text: z.string().trim().min(1).max(400),
});

export const questionSchema = z
  .strictObject({
    id: slugSchema,
    prompt: z.string().trim().min(1).max(1000),
    kind: z.enum(['single', 'multiple']),
    choices: z.array(choiceSchema).min(2, 'a question needs at least 2 choices').max(8),
    correct: z.array(slugSchema).min(1, 'a question needs at least one correct choice'),
    explanation: z.string().trim().min(1, 'explain the answer').max(2000),
  })
  .superRefine((q, ctx) => {
    const ids = new Set(q.choices.map((c) => c.id));
    if (ids.size !== q.choices.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must be unique' });
    }
    q.correct.forEach((id, i) => {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['correct', i],
          message: `"${id}" is not one of the choices`,
        });
      }
    });
    if (q.kind === 'single' && q.correct.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'a single-choice question has exactly one correct choice',
      });
    }
  });

/** A micro-lesson: objectives, steps that can point at the real screen, and a knowledge check. */
export const lessonSchema = z
  .strictObject({
    type: z.literal('lesson'),
    ...itemBaseShape,
    duration_minutes: z.number().int().min(1).max(120).default(5),
    /** The share of knowledge-check answers (percent) a learner needs right to pass. */
    pass_mark: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(80)
      .describe('percent of knowledge-check answers needed to pass; 80 when unset'),
    objectives: z
      .array(z.string().trim().min(1).max(300))
      .min(1, 'a lesson needs at least one objective'),
    steps: z.array(lessonStepSchema).min(1, 'a lesson needs at least one step'),
    questions: z.array(questionSchema).default([]),
  })
  .superRefine((item, ctx) => {
    checkLifecycle(item, ctx);
    checkUnique(
      item.questions.map((q) => q.id),
      ctx,
      ['questions'],
      (id) => `duplicate question id "${id}"`,
      ['id'],
    );
  });
export type Lesson = z.infer<typeof lessonSchema>;
export type LessonStep = z.infer<typeof lessonStepSchema>;
export type Question = z.infer<typeof questionSchema>;
