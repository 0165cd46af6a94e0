import type { WaymarkDatabase } from './database';

/** The learner's answer to one knowledge-check question. */
export interface AnswerRecord {
  /** The chosen choice ids. */
  choices: string[];
  correct: boolean;
  answeredAt: number;
}

/** Where a learner is in one lesson. Steps are 0-based indexes; times are epoch milliseconds. */
export interface LessonProgress {
  lessonId: string;
  currentStep: number;
  /** Sorted, without repeats. */
  completedSteps: number[];
  /** By question id; answering again replaces the answer. */
  answers: Record<string, AnswerRecord>;
  startedAt: number;
  updatedAt: number;
  /** Passed: every step done and the knowledge check at or over the lesson's pass mark. */
  completedAt?: number | undefined;
  /**
   * How many times each question was answered, over restarts too (a quiz answer's `attempt`):
   * answering after seeing the explanation is not a first attempt.
   */
  attempts?: Record<string, number> | undefined;
  /** The learner finished the knowledge check (passed or not); cleared by a retry. */
  checkedAt?: number | undefined;
}

export function newProgress(lessonId: string, at: number): LessonProgress {
  return {
    lessonId,
    currentStep: 0,
    completedSteps: [],
    answers: {},
    startedAt: at,
    updatedAt: at,
  };
}

export async function getProgress(
  db: WaymarkDatabase,
  lessonId: string,
): Promise<LessonProgress | undefined> {
  return db.lessonProgress.get(lessonId);
}

/** Resumes the lesson where the learner left it, or starts it at step 0. */
export async function startOrResumeLesson(
  db: WaymarkDatabase,
  lessonId: string,
  at: number = Date.now(),
): Promise<{ progress: LessonProgress; resumed: boolean }> {
  return db.transaction('rw', db.lessonProgress, async () => {
    const existing = await db.lessonProgress.get(lessonId);
    if (existing !== undefined) return { progress: existing, resumed: true };
    const progress = newProgress(lessonId, at);
    await db.lessonProgress.add(progress);
    return { progress, resumed: false };
  });
}

/** Read-modify-write in one transaction, starting the lesson if needed. */
async function update(
  db: WaymarkDatabase,
  lessonId: string,
  at: number,
  change: (progress: LessonProgress) => Partial<LessonProgress>,
): Promise<LessonProgress> {
  return db.transaction('rw', db.lessonProgress, async () => {
    const current = (await db.lessonProgress.get(lessonId)) ?? newProgress(lessonId, at);
    const next = { ...current, ...change(current), updatedAt: at };
    await db.lessonProgress.put(next);
    return next;
  });
}

export async function goToStep(
  db: WaymarkDatabase,
  lessonId: string,
  step: number,
  at: number = Date.now(),
): Promise<LessonProgress> {
  return update(db, lessonId, at, () => ({ currentStep: step }));
}

/** Marks a step done (idempotent); the current step does not move. */
export async function completeStep(
  db: WaymarkDatabase,
  lessonId: string,
  step: number,
  at: number = Date.now(),
): Promise<LessonProgress> {
  return update(db, lessonId, at, ({ completedSteps }) => ({
    completedSteps: [...new Set([...completedSteps, step])].sort((a, b) => a - b),
  }));
}

export async function recordAnswer(
  db: WaymarkDatabase,
  lessonId: string,
  questionId: string,
  answer: { choices: readonly string[]; correct: boolean },
  at: number = Date.now(),
): Promise<LessonProgress> {
  return update(db, lessonId, at, ({ answers, attempts }) => ({
    answers: {
      ...answers,
      [questionId]: { choices: [...answer.choices], correct: answer.correct, answeredAt: at },
    },
    attempts: { ...attempts, [questionId]: (attempts?.[questionId] ?? 0) + 1 },
  }));
}

/** Marks the lesson completed; completing it again keeps the first time. */
export async function completeLesson(
  db: WaymarkDatabase,
  lessonId: string,
  at: number = Date.now(),
): Promise<LessonProgress> {
  return update(db, lessonId, at, ({ completedAt }) => ({ completedAt: completedAt ?? at }));
}

/** The learner finished the knowledge check, whatever the score. */
export async function checkLesson(
  db: WaymarkDatabase,
  lessonId: string,
  at: number = Date.now(),
): Promise<LessonProgress> {
  return update(db, lessonId, at, () => ({ checkedAt: at }));
}

/** Forgets these answers (a retry of the wrong ones); the check is open again. */
export async function forgetAnswers(
  db: WaymarkDatabase,
  lessonId: string,
  questionIds: readonly string[],
  at: number = Date.now(),
): Promise<LessonProgress> {
  return update(db, lessonId, at, ({ answers }) => ({
    answers: Object.fromEntries(
      Object.entries(answers).filter(([id]) => !questionIds.includes(id)),
    ),
    checkedAt: undefined,
  }));
}

/** Forgets the lesson's progress, so the next start begins at step 0; attempt counts stay. */
export async function resetLesson(
  db: WaymarkDatabase,
  lessonId: string,
  at: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.lessonProgress, async () => {
    const attempts = (await db.lessonProgress.get(lessonId))?.attempts;
    if (attempts === undefined) await db.lessonProgress.delete(lessonId);
    else await db.lessonProgress.put({ ...newProgress(lessonId, at), attempts });
  });
}

/** Every lesson's progress, most recently touched first. */
export async function allProgress(db: WaymarkDatabase): Promise<LessonProgress[]> {
  return db.lessonProgress.orderBy('updatedAt').reverse().toArray();
}
