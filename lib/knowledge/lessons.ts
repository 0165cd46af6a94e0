import type { Lesson } from '@/lib/content-model';
import {
  allProgress,
  allPublishedItems,
  checkLesson,
  completeLesson,
  completeStep,
  forgetAnswers,
  getItem,
  getProgress,
  goToStep,
  recordAnswer,
  resetLesson,
  type LessonProgress,
  type WaymarkDatabase,
} from '@/lib/db';
import type { LessonProgressView, LessonUpdate } from '@/lib/messages';
import type { InsightRecorder, LearningFact } from './insights';

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

/** Paths that `lessonId` just finished: every lesson of theirs is now completed. */
async function pathsFinishedBy(db: WaymarkDatabase, lessonId: string): Promise<string[]> {
  const done = new Set(
    (await allProgress(db)).filter((p) => p.completedAt !== undefined).map((p) => p.lessonId),
  );
  return (await allPublishedItems(db)).flatMap((item) =>
    item.type === 'path' &&
    item.lessons.includes(lessonId) &&
    item.lessons.every((l) => done.has(l))
      ? [item.id]
      : [],
  );
}

/**
 * Lesson progress: read, and every change saved as it happens so a restart resumes it. A lesson
 * is complete only when its knowledge check reaches its pass mark (80 % unless it says
 * otherwise); below it, the learner retries the answers they got wrong. Each first finish of a
 * step, each answer, a lesson's first completion and the paths it completes are also learning
 * records for insights (sent only when the policy says `learning` or above).
 */
export class LessonProgressService {
  constructor(
    private readonly db: WaymarkDatabase,
    private readonly now: () => number = Date.now,
    private readonly insights?: InsightRecorder,
  ) {}

  async #lesson(id: string): Promise<Lesson> {
    const item = await getItem(this.db, id);
    if (item?.type !== 'lesson') throw new Error(`no lesson "${id}"`);
    return item;
  }

  async #learning(facts: LearningFact[]): Promise<void> {
    if (this.insights === undefined || facts.length === 0) return;
    try {
      await this.insights.learning(facts);
    } catch (error) {
      console.warn('Waymark insights: could not record a learning event', error);
    }
  }

  async progress(id: string): Promise<LessonProgressView> {
    return view(await this.#lesson(id), await getProgress(this.db, id));
  }

  async update(change: LessonUpdate): Promise<LessonProgressView> {
    const lesson = await this.#lesson(change.id);
    const at = this.now();
    const before = await getProgress(this.db, lesson.id);
    const lastStep = lesson.steps.length - 1;
    switch (change.kind) {
      case 'step':
        if (change.completedStep !== undefined) {
          const step = Math.min(change.completedStep, lastStep);
          await completeStep(this.db, lesson.id, step, at);
          if (!before?.completedSteps.includes(step))
            await this.#learning([{ type: 'lesson_step', lesson: lesson.id, step }]);
        }
        await goToStep(this.db, lesson.id, Math.min(change.step, lastStep), at);
        break;
      case 'answer':
        await this.#answer(lesson, change.questionId, change.choices, at);
        break;
      case 'complete':
        await this.#complete(lesson, before?.completedAt !== undefined, at);
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
        await resetLesson(this.db, lesson.id, at);
        break;
    }
    return view(lesson, await getProgress(this.db, lesson.id));
  }

  async #answer(lesson: Lesson, questionId: string, choices: string[], at: number) {
    const correct = isCorrect(lesson, questionId, choices);
    const saved = await recordAnswer(this.db, lesson.id, questionId, { choices, correct }, at);
    const attempt = saved.attempts?.[questionId] ?? 1;
    await this.#learning([
      { type: 'quiz_answer', lesson: lesson.id, question: questionId, choices, correct, attempt },
    ]);
  }

  /**
   * Scores the check: passed completes the lesson (a learning record the first time, with the
   * paths it completes); below the pass mark it is not complete.
   */
  async #complete(lesson: Lesson, already: boolean, at: number): Promise<void> {
    const result = score(lesson, await checkLesson(this.db, lesson.id, at));
    if (!result.passed) return;
    await completeLesson(this.db, lesson.id, at);
    if (already) return;
    const paths = await pathsFinishedBy(this.db, lesson.id);
    await this.#learning([
      {
        type: 'lesson_completed',
        lesson: lesson.id,
        questions: result.total,
        correct: result.right,
      },
      ...paths.map((path): LearningFact => ({ type: 'path_completed', path })),
    ]);
  }
}
