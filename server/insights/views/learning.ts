import { daysBetween, GROUP_MIN_PEOPLE } from '@/lib/insights';
import type { Item, Lesson } from '@/lib/content-model';
import type { LearningView, QuestionStats } from '@/lib/insights/views';
import type { PathRun, QuestionTotal, Store } from '../../store';
import { periodOf, shareOf, type ViewQuery } from '../range';
import { byText, groupBy, quantile } from './common';

/** A new hire: an account at most this many days old at its first learning record. */
export const NEW_HIRE_DAYS = 30;

const lessonsOf = (items: readonly Item[]) =>
  new Map(items.filter((i): i is Lesson => i.type === 'lesson').map((l) => [l.id, l]));

/** Whether a choice (ids joined by '+') is exactly the question's correct answer. */
function isCorrect(lesson: Lesson | undefined, question: string, choice: string): boolean {
  const q = lesson?.questions.find((x) => x.id === question);
  return q !== undefined && [...q.correct].sort().join('+') === choice;
}

/** First attempts at each question: how often wrong, which choices; suppressed under min people. */
export function questionStats(
  quiz: readonly QuestionTotal[],
  learners: ReadonlyMap<string, number>,
  lessons: ReadonlyMap<string, Lesson>,
): QuestionStats[] {
  const groups = groupBy(quiz, (r) => `${r.lesson}\n${r.question}`);
  const stats = [...groups.values()].map((rows): QuestionStats => {
    const { lesson, question } = rows[0]!;
    const people = learners.get(lesson) ?? 0;
    if (people < GROUP_MIN_PEOPLE) return { lesson, question, suppressed: true };
    const first = rows.filter((r) => r.first === 1);
    const answers = first.reduce((n, r) => n + r.n, 0);
    const right = first.reduce((n, r) => n + r.correct, 0);
    const picked = groupBy(first, (r) => r.choice);
    return {
      lesson,
      question,
      prompt: lessons.get(lesson)?.questions.find((x) => x.id === question)?.prompt,
      learners: people,
      answers,
      wrong_first_time: shareOf(answers - right, answers),
      choices: [...picked]
        .map(([choice, r]) => ({
          choice,
          picked: r.reduce((n, x) => n + x.n, 0),
          correct: isCorrect(lessons.get(lesson), question, choice),
        }))
        .sort((a, b) => b.picked - a.picked || byText(a.choice, b.choice)),
    };
  });
  const wrong = (s: QuestionStats) => ('suppressed' in s ? -1 : (s.wrong_first_time ?? 0));
  return stats.sort(
    (a, b) =>
      wrong(b) - wrong(a) || byText(`${a.lesson}/${a.question}`, `${b.lesson}/${b.question}`),
  );
}

/** Days new hires took from their first learning record to completing each path. */
export function newHireDays(runs: readonly PathRun[]): Map<string, number[]> {
  const byPath = new Map<string, number[]>();
  for (const run of runs) {
    if (run.joined === undefined) continue;
    if (daysBetween(run.joined, run.first_record) > NEW_HIRE_DAYS) continue;
    const days = byPath.get(run.path) ?? [];
    days.push(daysBetween(run.first_record, run.completed));
    byPath.set(run.path, days);
  }
  return byPath;
}

export async function learningView(store: Store, q: ViewQuery): Promise<LearningView> {
  const [steps, done, quiz, paths, runs, learners, live] = await Promise.all([
    store.insights.lessonSteps(q),
    store.insights.lessonCompletions(q),
    store.insights.questionTotals(q),
    store.insights.pathTotals(q),
    store.insights.newHireRuns(q, NEW_HIRE_DAYS),
    store.insights.learnerCounts(q, 'subject'),
    store.liveItems(),
  ]);
  const lessons = lessonsOf(live);
  const titles = new Map(live.map((i) => [i.id, i.title]));
  const people = (type: string) =>
    new Map(learners.filter((l) => l.type === type).map((l) => [l.key, l.learners]));
  const completers = people('lesson_completed');
  const doneBy = new Map(done.map((d) => [d.lesson, d]));
  const funnels = [...groupBy(steps, (s) => s.lesson)].map(([lesson, rows]) => {
    const ordered = [...rows].sort((a, b) => a.step - b.step);
    const started = ordered.find((s) => s.step === 0)?.n ?? 0;
    const completion = doneBy.get(lesson);
    const completed = completion?.n ?? 0;
    return {
      lesson,
      title: titles.get(lesson),
      started,
      steps: ordered.map((s, i) => ({
        step: s.step,
        reached: s.n,
        drop_off: i === 0 ? undefined : shareOf(ordered[i - 1]!.n - s.n, ordered[i - 1]!.n),
      })),
      completed,
      completion_rate: shareOf(completed, started),
      average_score:
        (completers.get(lesson) ?? 0) >= GROUP_MIN_PEOPLE && completion !== undefined
          ? shareOf(completion.correct, completion.questions)
          : undefined,
    };
  });
  const hires = newHireDays(runs);
  return {
    view: 'learning',
    period: periodOf(q),
    generated_at: store.now().toISOString(),
    min_people: GROUP_MIN_PEOPLE,
    lessons: funnels.sort((a, b) => b.started - a.started || byText(a.lesson, b.lesson)),
    questions: questionStats(quiz, people('quiz_answer'), lessons),
    paths: paths
      .map((p) => {
        const days = (hires.get(p.path) ?? []).sort((a, b) => a - b);
        return {
          path: p.path,
          title: titles.get(p.path),
          completed: p.n,
          new_hires:
            days.length < GROUP_MIN_PEOPLE
              ? { suppressed: true as const }
              : {
                  learners: days.length,
                  median_days: quantile(days, 0.5),
                  p75_days: quantile(days, 0.75),
                },
        };
      })
      .sort((a, b) => b.completed - a.completed || byText(a.path, b.path)),
  };
}
