import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

interface PackLesson {
  id: string;
  type: string;
  questions: { prompt: string; choices: { id: string; text: string }[]; correct: string[] }[];
  steps: { title: string; anchor?: unknown }[];
}

/** A lesson of the starter pack the extension was built with. */
export function starterLesson(id: string): PackLesson {
  const pack = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'build', 'starter-pack.json'), 'utf8'),
  ) as { items: PackLesson[] };
  const lesson = pack.items.find((item) => item.id === id && item.type === 'lesson');
  if (lesson === undefined) throw new Error(`no lesson ${id} in the starter pack`);
  return lesson;
}

/**
 * Answers the open questions of a knowledge check on the panel: rightly (the lesson's correct
 * choices) or wrongly (the first wrong choice), and checks each answer.
 */
export async function answerCheck(
  panel: Page,
  lessonId: string,
  right: (index: number) => boolean,
) {
  const lesson = starterLesson(lessonId);
  const questions = await panel.locator('fieldset.question').all();
  for (const [i, question] of questions.entries()) {
    const spec = lesson.questions[i]!;
    if ((await question.getByRole('status').count()) > 0) continue; // answered before
    const ids = right(i)
      ? spec.correct
      : [spec.choices.find((c) => !spec.correct.includes(c.id))!.id];
    for (const id of ids)
      await question
        .getByLabel(spec.choices.find((c) => c.id === id)!.text, { exact: true })
        .check();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(question.getByRole('status')).toContainText(right(i) ? 'Right.' : 'Not quite.');
  }
}
