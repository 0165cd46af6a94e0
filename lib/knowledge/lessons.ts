import type { Lesson } from '@/lib/content-model';
import {
  appendEvent,
  completeLesson,
  completeStep,
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

function view(lessonId: string, progress: LessonProgress | undefined): LessonProgressView {
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

/** Lesson progress: read, and every change saved as it happens so a restart resumes it. */
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
    return view(id, await getProgress(this.db, id));
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
        await completeLesson(this.db, lesson.id, at);
        if ((await getSettings(this.db)).usageEventsEnabled)
          await appendEvent(this.db, { type: 'lesson-completed', at, data: { id: lesson.id } });
        break;
      case 'restart':
        await resetLesson(this.db, lesson.id);
        break;
    }
    return this.progress(lesson.id);
  }
}
