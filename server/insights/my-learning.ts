import type { InsightEvent } from '@/lib/insights';
import type { MyLearning } from '@/lib/insights/views';
import type { LearningRecord } from '../store';

type Lesson = MyLearning['lessons'][number];

/** A learner's own records, as GET /v1/me/learning shows them: per lesson and path. */
export function myLearning(email: string, records: readonly LearningRecord[]): MyLearning {
  const lessons = new Map<string, Lesson>();
  const lesson = (id: string): Lesson => {
    const found = lessons.get(id) ?? { lesson: id, steps: [], answers: [] };
    lessons.set(id, found);
    return found;
  };
  const paths = new Map<string, string>();
  for (const record of records) {
    const event = JSON.parse(record.body) as InsightEvent;
    if (event.type === 'lesson_step') {
      const entry = lesson(event.lesson);
      if (!entry.steps.includes(event.step))
        entry.steps = [...entry.steps, event.step].sort((a, b) => a - b);
    } else if (event.type === 'lesson_completed')
      Object.assign(lesson(event.lesson), {
        completed_on: event.day,
        questions: event.questions,
        correct: event.correct,
      });
    else if (event.type === 'quiz_answer')
      lesson(event.lesson).answers.push({
        question: event.question,
        choices: event.choices,
        correct: event.correct,
        attempt: event.attempt,
        day: event.day,
      });
    else if (event.type === 'path_completed') paths.set(event.path, event.day);
  }
  return {
    email,
    lessons: [...lessons.values()],
    paths: [...paths].map(([path, completed_on]) => ({ path, completed_on })),
  };
}
