/** The Learning view's reads: funnels, completions, questions, paths and distinct learners. */

import { daysBetween } from '@/lib/insights';
import { countLearners, unionInto, type LearnerSetKind } from '../../insights/learner-sets';
import { dayRange, IN, numbers, parts, SUMS, type ReadRunner, type Row } from './kit';
import type {
  InsightRange,
  LearnerCount,
  LessonDoneTotal,
  LessonStepTotal,
  PathRun,
  PathTotal,
  QuestionTotal,
} from './types';

export async function lessonSteps(run: ReadRunner, r: InsightRange): Promise<LessonStepTotal[]> {
  const rows = await run(
    `SELECT lesson, step, sum(n) AS n FROM ins_lesson_day WHERE day >= ? AND day <= ?
     GROUP BY lesson, step`,
    dayRange(r),
  );
  return numbers(rows, ['step', 'n']);
}

export async function lessonCompletions(
  run: ReadRunner,
  r: InsightRange,
): Promise<LessonDoneTotal[]> {
  const rows = await run(
    `SELECT lesson, ${SUMS(['n', 'questions', 'correct'])} FROM ins_lesson_done_day
     WHERE day >= ? AND day <= ? GROUP BY lesson`,
    dayRange(r),
  );
  return numbers(rows, ['n', 'questions', 'correct']);
}

export async function questionTotals(run: ReadRunner, r: InsightRange): Promise<QuestionTotal[]> {
  const rows = await run(
    `SELECT lesson, question, choice, first, sum(n) AS n, sum(correct) AS correct
     FROM ins_question_day WHERE day >= ? AND day <= ?
     GROUP BY lesson, question, choice, first`,
    dayRange(r),
  );
  return numbers(rows, ['first', 'n', 'correct']);
}

export async function pathTotals(run: ReadRunner, r: InsightRange): Promise<PathTotal[]> {
  const rows = await run(
    `SELECT path, sum(n) AS n FROM ins_path_day WHERE day >= ? AND day <= ? GROUP BY path`,
    dayRange(r),
  );
  return numbers(rows, ['n']);
}

/** Emails read per statement when listing new hires' completions (well under every limit). */
const EMAILS_PER_READ = 500;

/**
 * Each path new hires completed in the range: when, the learner's first record, when they
 * joined. A new hire has an account made at most `withinDays` before their first learning
 * record, so the accounts are read first (one indexed look-up each for the first record) and
 * then only those learners' completions: the read grows with the people who have accounts, not
 * with the completions of the period.
 */
export async function newHireRuns(
  run: ReadRunner,
  r: InsightRange,
  withinDays: number,
): Promise<PathRun[]> {
  const learners = await run(
    `SELECT u.email AS email, u.joined AS joined,
       (SELECT min(f.day) FROM learning_records f WHERE f.email = u.email) AS first_record
     FROM (SELECT lower(email) AS email, min(created_at) AS joined FROM users
           GROUP BY lower(email)) u`,
    [],
  );
  const hires = new Map<string, { joined: string; first_record: string }>();
  for (const { email, joined, first_record } of learners) {
    // created_at is ISO text on both backends; an account without records has learnt nothing.
    if (typeof joined !== 'string' || typeof first_record !== 'string') continue;
    if (daysBetween(joined.slice(0, 10), first_record) > withinDays) continue;
    hires.set(String(email), { joined: joined.slice(0, 10), first_record });
  }
  const emails = [...hires.keys()];
  const runs: PathRun[] = [];
  for (let i = 0; i < emails.length; i += EMAILS_PER_READ) {
    const some = emails.slice(i, i + EMAILS_PER_READ);
    const rows = await run(
      `SELECT email, subject AS path, day AS completed FROM learning_records
       WHERE type = 'path_completed' AND day >= ? AND day <= ? AND email IN ${IN(some)}`,
      [...dayRange(r), ...some],
    );
    for (const row of rows)
      runs.push({
        path: String(row.path),
        completed: String(row.completed),
        ...hires.get(String(row.email))!,
      });
  }
  return runs;
}

/**
 * Distinct learners per lesson or path (`key`), or per team, and record type: the union of the
 * period's learner sets (server/insights/learner-sets.ts), whole months read as one set each
 * (`r.monthsFrom`).
 */
export async function learnerCounts(
  run: ReadRunner,
  r: InsightRange,
  by: LearnerSetKind,
): Promise<LearnerCount[]> {
  const { months, days } = parts(r);
  const rows: Row[] = [];
  if (months.length > 0)
    rows.push(
      ...(await run(
        `SELECT key, type, bits FROM ins_learner_sets WHERE kind = ? AND period IN ${IN(months)}`,
        [by, ...months],
      )),
    );
  for (const [from, to] of days)
    rows.push(
      ...(await run(
        `SELECT key, type, bits FROM ins_learner_sets
         WHERE kind = ? AND period >= ? AND period <= ? AND length(period) = 10`,
        [by, from, to],
      )),
    );
  const unions = new Map<string, { key: string; type: string; bits: Uint8Array }>();
  for (const row of rows) {
    const [key, type] = [String(row.key), String(row.type)];
    const id = `${key}\n${type}`;
    const seen = unions.get(id) ?? { key, type, bits: new Uint8Array(0) };
    seen.bits = unionInto(seen.bits, String(row.bits));
    unions.set(id, seen);
  }
  return [...unions.values()].map(({ key, type, bits }) => ({
    key,
    type,
    learners: countLearners(bits),
  }));
}
