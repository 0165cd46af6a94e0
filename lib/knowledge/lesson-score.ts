import type { Lesson } from '@/lib/content-model';

/**
 * A knowledge check's score against the lesson's pass mark, from the answers given so far (a
 * lesson without questions passes). Pure: the background and the authors' preview share it.
 */
export function lessonScore(
  lesson: Lesson,
  answers: Readonly<Record<string, { correct: boolean } | undefined>>,
): { right: number; total: number; passMark: number; passed: boolean } {
  const total = lesson.questions.length;
  const right = lesson.questions.filter((q) => answers[q.id]?.correct === true).length;
  const passMark = lesson.pass_mark;
  return { right, total, passMark, passed: total === 0 || (right / total) * 100 >= passMark };
}
