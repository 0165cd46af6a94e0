import type { Lesson } from '@/lib/content-model';
import {
  appendEvent,
  checkLesson,
  completeLesson,
  completeStep,
  forgetAnswers,
  getItem,
  getProgress,
  getSettings,
  goToStep,
  recordAnswer,
  resetLesson,
  type LessonProgress,
  type WaymarkDatabase,
} from '@/lib/db';
import type { LessonProgressView, LessonUpdate } from '@/lib/messages';

import { lessonScore } from './lesson-score';

const score = (lesson: Lesson, progress: LessonProgress | undefined) =>
  lessonScore(lesson, progress?.answers ?? {});

function view(lesson: Lesson, progress: LessonProgress | undefined): LessonProgressView {
  const lessonId = lesson.id;
  if (progress === undefined) return { lessonId, step: 0, completedSteps: [], answers: {} };
  const answers: LessonProgressView['answers'] = {};
  for (const [id, answer] of Object.entries(progress.answers))
    answers[id] = { choices: answer.choices, correct: answer.correct };
  return {
    lessonId,
    step: progress.currentStep,
    completedSteps: progress.completedSteps,
    answers,
    ...(progress.completedAt === undefined
      ? {}
      : { completedAt: new Date(progress.completedAt).toISOString() }),
    ...(progress.checkedAt === undefined ? {} : { result: score(lesson, progress) }),
  };
}

/** Whether `choices` is exactly the question's set of correct choices. */
export function isCorrect(lesson: Lesson, questionId: string, choices: readonly string[]): boolean {
  const question = lesson.questions.find((q) => q.id === questionId);
  if (question === undefined)
    throw new Error(`lesson "${lesson.id}" has no question "${questionId}"`);
  const chosen = new Set(choices);
  return chosen.size === question.correct.length && question.correct.every((id) => chosen.has(id));
}

/**
 * Lesson progress: read, and every change saved as it happens so a restart resumes it. A lesson
 * is complete only when its knowledge check reaches its pass mark (80 % unless it says
 * otherwise); below it, the learner retries the answers they got wrong.
 */
export class LessonProgressService {
  constructor(
    private readonly db: WaymarkDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async #lesson(id: string): Promise<Lesson> {
    const item = await getItem(this.db, id);
    if (item?.type !== 'lesson') throw new Error(`no lesson "${id}"`);
    return item;
  }

  async progress(id: string): Promise<LessonProgressView> {
    return view(await this.#lesson(id), await getProgress(this.db, id));
  }

  async update(change: LessonUpdate): Promise<LessonProgressView> {
    const lesson = await this.#lesson(change.id);
    const at = this.now();
    const lastStep = lesson.steps.length - 1;
    switch (change.kind) {
      case 'step':
        if (change.completedStep !== undefined)
          await completeStep(this.db, lesson.id, Math.min(change.completedStep, lastStep), at);
        await goToStep(this.db, lesson.id, Math.min(change.step, lastStep), at);
        break;
      case 'answer':
        await recordAnswer(
          this.db,
          lesson.id,
          change.questionId,
          {
            choices: change.choices,
            correct: isCorrect(lesson, change.questionId, change.choices),
          },
          at,
        );
        break;
      case 'complete':
        await this.#complete(lesson, at);
        break;
      case 'retry': {
        const progress = await getProgress(this.db, lesson.id);
        const wrong = lesson.questions
          .filter((q) => progress?.answers[q.id]?.correct !== true)
          .map((q) => q.id);
        await forgetAnswers(this.db, lesson.id, wrong, at);
        break;
      }
      case 'restart':
        await resetLesson(this.db, lesson.id);
        break;
    }
    return view(lesson, await getProgress(this.db, lesson.id));
  }

  /** Scores the check: passed completes the lesson (and is counted); below the mark it is not. */
  async #complete(lesson: Lesson, at: number): Promise<void> {
    const progress = await checkLesson(this.db, lesson.id, at);
    const result = score(lesson, progress);
    if (!result.passed) return;
    await completeLesson(this.db, lesson.id, at);
    if ((await getSettings(this.db)).usageEventsEnabled)
      await appendEvent(this.db, {
        type: 'lesson-completed',
        at,
        data: { id: lesson.id, right: result.right, total: result.total },
      });
  }
}
