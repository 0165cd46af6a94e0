import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import {
  allProgress,
  completeLesson,
  completeStep,
  getProgress,
  goToStep,
  recordAnswer,
  resetLesson,
  startOrResumeLesson,
} from './progress';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('startOrResumeLesson', () => {
  it('returns fresh progress at step 0 when the lesson was never started', async () => {
    const { progress, resumed } = await startOrResumeLesson(db, 'triage', 100);
    expect(resumed).toBe(false);
    expect(progress).toEqual({
      lessonId: 'triage',
      currentStep: 0,
      completedSteps: [],
      answers: {},
      startedAt: 100,
      updatedAt: 100,
    });
  });

  it('returns the saved step when the lesson was started before', async () => {
    await startOrResumeLesson(db, 'triage', 100);
    await goToStep(db, 'triage', 2, 200);
    const { progress, resumed } = await startOrResumeLesson(db, 'triage', 300);
    expect(resumed).toBe(true);
    expect(progress).toMatchObject({ currentStep: 2, startedAt: 100, updatedAt: 200 });
  });
});

describe('completeStep', () => {
  it('returns sorted completed steps without repeats when steps are completed out of order', async () => {
    await completeStep(db, 'triage', 2, 1);
    await completeStep(db, 'triage', 0, 2);
    const progress = await completeStep(db, 'triage', 2, 3);
    expect(progress.completedSteps).toEqual([0, 2]);
  });
});

describe('recordAnswer', () => {
  it('returns the latest answer with its correctness when a question is answered twice', async () => {
    await recordAnswer(db, 'triage', 'q1', { choices: ['a'], correct: false }, 10);
    await recordAnswer(db, 'triage', 'q2', { choices: ['c', 'd'], correct: true }, 20);
    const progress = await recordAnswer(db, 'triage', 'q1', { choices: ['b'], correct: true }, 30);
    expect(progress.answers).toEqual({
      q1: { choices: ['b'], correct: true, answeredAt: 30 },
      q2: { choices: ['c', 'd'], correct: true, answeredAt: 20 },
    });
  });
});

describe('completeLesson', () => {
  it('returns the first completion time when the lesson is completed again', async () => {
    await completeLesson(db, 'triage', 50);
    const progress = await completeLesson(db, 'triage', 90);
    expect(progress).toMatchObject({ completedAt: 50, updatedAt: 90 });
  });
});

describe('resetLesson', () => {
  it('returns undefined progress when the lesson was reset', async () => {
    await goToStep(db, 'triage', 3, 1);
    await resetLesson(db, 'triage');
    expect(await getProgress(db, 'triage')).toBeUndefined();
  });
});

describe('allProgress', () => {
  it('returns lessons most recently touched first', async () => {
    await goToStep(db, 'a', 1, 10);
    await goToStep(db, 'b', 1, 30);
    await goToStep(db, 'c', 1, 20);
    expect((await allProgress(db)).map((p) => p.lessonId)).toEqual(['b', 'c', 'a']);
  });
});
