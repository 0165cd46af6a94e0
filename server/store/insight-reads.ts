/**
 * The reads behind the insights views: aggregates over the rollups, in statements both backends
 * run unchanged (`?` placeholders; PostgreSQL's runner numbers them). They are read-only and
 * portable, so they live once here rather than twice in sqlite/ and postgres/ (ADR 0006); every
 * write stays in its backend. No statement returns a sub-threshold query's words: the k rule is in
 * the WHERE clause of the only read that returns words.
 */

import { countLearners, unionInto, type LearnerSetKind } from '../insights/learner-sets';
import { periodParts } from '../insights/period-parts';

/** Runs one read statement with positional parameters; rows with columns as named. */
export type ReadRunner = (sql: string, params: readonly (string | number)[]) => Promise<Row[]>;
type Row = Record<string, unknown>;

/** Days, inclusive, as YYYY-MM-DD; `app` narrows to one app ('' or undefined: every app). */
export interface InsightRange {
  from: string;
  to: string;
  app?: string | undefined;
  /**
   * Whole months from this one on (as text) may be read from the month rollups: the rollup
   * retention cutoff as of today (server/insights/period-parts.ts). Absent: daily rows only.
   */
  monthsFrom?: string | undefined;
}

export interface ScreenDay {
  day: string;
  app: string;
  screen: string;
  searches: number;
  failed: number;
  opened: number;
  record_views: number;
  record_views_help: number;
}
export interface QueryTotal {
  app: string;
  screen: string;
  query: string;
  searches: number;
  people: number;
}
export interface ContentRequestTotal {
  app: string;
  screen: string;
  requests: number;
}
export interface ContentRequestWords {
  app: string;
  screen: string;
  day: string;
  text: string;
}
export interface ItemTotal {
  item: string;
  shown: number;
  opened: number;
  opened_page: number;
  reads: number;
  helpful: number;
  unhelpful: number;
  last_day: string;
}
export interface ItemDay {
  day: string;
  shown: number;
  opened: number;
  opened_page: number;
  reads: number;
  helpful: number;
  unhelpful: number;
}
export interface ItemScreenTotal {
  item: string;
  shown: number;
  opened: number;
  reads: number;
}
export interface FeedbackTotal {
  item: string;
  helpful: number;
  reason: string;
  n: number;
}
export interface TipDay {
  day: string;
  app: string;
  screen: string;
  tip: string;
  shown: number;
  unresolved: number;
  dismissed: number;
}
/** A tip on a screen over a period, summed by the database (the guidance view). */
export interface TipTotal {
  app: string;
  screen: string;
  tip: string;
  shown: number;
  unresolved: number;
  dismissed: number;
  /** The first day it was not found. */
  first_failed: string | undefined;
  /** The last day it was shown. */
  last_shown: string | undefined;
  /** Days it was shown and never failed to be found. */
  clean_days: number;
}
/** A day a tip failed to be found and was never shown. */
export interface TipFailingDay {
  app: string;
  screen: string;
  tip: string;
  day: string;
}
export interface LessonStepTotal {
  lesson: string;
  step: number;
  n: number;
}
export interface LessonDoneTotal {
  lesson: string;
  n: number;
  questions: number;
  correct: number;
}
/** Knowledge-check answers per question and choice, all teams together. */
export interface QuestionTotal {
  lesson: string;
  question: string;
  choice: string;
  first: number;
  n: number;
  correct: number;
}
/** First-attempt answers per team and question. */
export interface TeamQuestionTotal {
  team: string;
  lesson: string;
  question: string;
  answers: number;
  correct: number;
}
export interface PathTotal {
  path: string;
  n: number;
}
/** One learner's completion of a path: days only, never who. */
export interface PathRun {
  path: string;
  completed: string;
  first_record: string;
  /** When the learner's account was made (new hires are recent), if the account still exists. */
  joined: string | undefined;
}
export interface LearnerCount {
  key: string;
  type: string;
  learners: number;
}
export interface PeopleWeek {
  week: string;
  team: string;
  scope: string;
  people: number;
}
export interface TeamTotal {
  team: string;
  searches: number;
  failed: number;
  opened: number;
}
/** Counts, sums and sums of squares of helpdesk outcomes, per day, team and cohort. */
export interface HelpdeskMoments {
  day: string;
  team: string;
  cohort: string;
  tickets: number;
  resolution_n: number;
  resolution_sum: number;
  resolution_sq: number;
  log_n: number;
  log_sum: number;
  log_sq: number;
  reopens_n: number;
  reopens_sum: number;
  reopens_sq: number;
  replies_n: number;
  replies_sum: number;
  replies_sq: number;
}
export interface CohortAgents {
  cohort: string;
  week: string;
  agents: number;
}

const APP = `(? = '' OR app = ?)`;
const range = (r: InsightRange) => [r.from, r.to, r.app ?? '', r.app ?? ''];
const dayRange = (r: InsightRange) => [r.from, r.to];

/** The whole months and day runs to read a range by (daily rows only without `monthsFrom`). */
const parts = (r: InsightRange) => periodParts(r.from, r.to, r.monthsFrom ?? '9999');
const IN = (values: readonly unknown[]) => `(${values.map(() => '?').join(', ')})`;

/** Rows of several parts as one: summed by key, or the greatest (numbers, or text by order). */
function mergeRows(
  rows: readonly Row[],
  {
    keys,
    sums,
    greatest,
  }: { keys: readonly string[]; sums: readonly string[]; greatest: readonly string[] },
): Row[] {
  const merged = new Map<string, Row>();
  for (const row of rows) {
    const id = JSON.stringify(keys.map((k) => row[k]));
    const seen = merged.get(id);
    if (seen === undefined) {
      merged.set(id, { ...row });
      continue;
    }
    for (const c of sums) seen[c] = num(seen[c]) + num(row[c]);
    for (const c of greatest) {
      const [a, b] = [seen[c], row[c]];
      if (
        b !== null &&
        b !== undefined &&
        (a === null || a === undefined || (b as never) > (a as never))
      )
        seen[c] = b;
    }
  }
  return [...merged.values()];
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Rows with the named columns as numbers (drivers answer sums as strings or bigints). */
function numbers<T>(rows: Row[], columns: readonly string[]): T[] {
  for (const row of rows) for (const column of columns) row[column] = num(row[column]);
  return rows as T[];
}

const SUMS = (columns: readonly string[]) => columns.map((c) => `sum(${c}) AS ${c}`).join(', ');

export class InsightReads {
  constructor(private readonly run: ReadRunner) {}

  /**
   * One grouped read of a range from a daily rollup (`span` 'day') and its month twin ('month'):
   * `sql(span, period)` puts the period's condition first in its WHERE (its parameters come
   * first); the parts' rows are merged by `keys`, summing `sums`, keeping the greatest of
   * `greatest`. A range inside one run of days is a single statement, as before.
   */
  private async acrossMonths(
    r: InsightRange,
    sql: (span: 'day' | 'month', period: string) => string,
    params: readonly (string | number)[],
    merge: { keys: readonly string[]; sums: readonly string[]; greatest: readonly string[] },
  ): Promise<Row[]> {
    const { months, days } = parts(r);
    const results: Row[][] = [];
    for (const [from, to] of days)
      results.push(await this.run(sql('day', 'd.day >= ? AND d.day <= ?'), [from, to, ...params]));
    if (months.length > 0)
      results.push(
        await this.run(sql('month', `d.month IN ${IN(months)}`), [...months, ...params]),
      );
    return results.length === 1 ? results[0]! : mergeRows(results.flat(), merge);
  }

  async screenDays(r: InsightRange): Promise<ScreenDay[]> {
    const rows = await this.run(
      `SELECT day, app, screen, searches, failed, opened, record_views, record_views_help
       FROM ins_screen_day WHERE day >= ? AND day <= ? AND ${APP}`,
      range(r),
    );
    return numbers(rows, ['searches', 'failed', 'opened', 'record_views', 'record_views_help']);
  }

  /** Failed queries per screen, only those `k` or more distinct people typed within 30 days. */
  async visibleQueries(r: InsightRange, k: number): Promise<QueryTotal[]> {
    const rows = await this.acrossMonths(
      r,
      (span, period) =>
        `SELECT d.app AS app, d.screen AS screen, q.text AS query, sum(d.n) AS searches,
           q.peak AS people
         FROM ins_query_${span} d JOIN ins_queries q ON q.id = d.query
         WHERE ${period} AND (? = '' OR d.app = ?) AND q.peak >= ?
         GROUP BY d.app, d.screen, q.id, q.text, q.peak`,
      [r.app ?? '', r.app ?? '', k],
      { keys: ['app', 'screen', 'query'], sums: ['searches'], greatest: ['people'] },
    );
    return numbers(rows, ['searches', 'people']);
  }

  /** Learners' content requests per screen ('' for none). */
  async contentRequestTotals(r: InsightRange): Promise<ContentRequestTotal[]> {
    const rows = await this.run(
      `SELECT app, screen, count(*) AS requests FROM ins_content_requests
       WHERE day >= ? AND day <= ? AND ${APP} GROUP BY app, screen`,
      range(r),
    );
    return numbers(rows, ['requests']);
  }

  /** The newest `limit` requests' words (scrubbed on the device), newest first. */
  async contentRequestWords(r: InsightRange, limit: number): Promise<ContentRequestWords[]> {
    return (await this.run(
      `SELECT app, screen, day, text FROM ins_content_requests
       WHERE day >= ? AND day <= ? AND ${APP} ORDER BY day DESC, id LIMIT ?`,
      [...range(r), limit],
    )) as unknown as ContentRequestWords[];
  }

  async itemTotals(r: InsightRange): Promise<ItemTotal[]> {
    const values = ['shown', 'opened', 'opened_page', 'reads', 'helpful', 'unhelpful'];
    // A month row knows the last day of the month its item was used (`last_dom`).
    const last = (span: 'day' | 'month') =>
      span === 'day'
        ? 'max(d.day)'
        : `max(d.month || '-' || CASE WHEN d.last_dom < 10 THEN '0' ELSE '' END || d.last_dom)`;
    const rows = await this.acrossMonths(
      r,
      (span, period) =>
        `SELECT d.item AS item, ${SUMS(values)}, ${last(span)} AS last_day
         FROM ins_item_${span} d WHERE ${period} GROUP BY d.item`,
      [],
      { keys: ['item'], sums: values, greatest: ['last_day'] },
    );
    return numbers(rows, values);
  }

  /** One item's days (the side panel's "this item"). */
  async itemDays(r: InsightRange, item: string): Promise<ItemDay[]> {
    const values = ['shown', 'opened', 'opened_page', 'reads', 'helpful', 'unhelpful'];
    const rows = await this.run(
      `SELECT day, ${values.join(', ')} FROM ins_item_day
       WHERE day >= ? AND day <= ? AND item = ? ORDER BY day`,
      [r.from, r.to, item],
    );
    return numbers(rows, values);
  }

  /** Items used on one screen of one app (`screen` '' for the app's unrecognised pages). */
  async itemScreenTotals(r: InsightRange, app: string, screen: string): Promise<ItemScreenTotal[]> {
    const rows = await this.run(
      `SELECT item, ${SUMS(['shown', 'opened', 'reads'])} FROM ins_item_screen_day
       WHERE day >= ? AND day <= ? AND app = ? AND screen = ? GROUP BY item`,
      [r.from, r.to, app, screen],
    );
    return numbers(rows, ['shown', 'opened', 'reads']);
  }

  async feedbackTotals(r: InsightRange): Promise<FeedbackTotal[]> {
    const rows = await this.acrossMonths(
      r,
      (span, period) =>
        `SELECT d.item AS item, d.helpful AS helpful, d.reason AS reason, sum(d.n) AS n
         FROM ins_feedback_${span} d WHERE ${period} GROUP BY d.item, d.helpful, d.reason`,
      [],
      { keys: ['item', 'helpful', 'reason'], sums: ['n'], greatest: [] },
    );
    return numbers(rows, ['helpful', 'n']);
  }

  async tipDays(r: InsightRange): Promise<TipDay[]> {
    const rows = await this.run(
      `SELECT day, app, screen, tip, shown, unresolved, dismissed FROM ins_tip_day
       WHERE day >= ? AND day <= ? AND ${APP}`,
      range(r),
    );
    return numbers(rows, ['shown', 'unresolved', 'dismissed']);
  }

  /** Per tip and screen: sums and the days failingRun needs, grouped by the database. */
  async tipTotals(r: InsightRange): Promise<TipTotal[]> {
    const rows = await this.run(
      `SELECT app, screen, tip, ${SUMS(['shown', 'unresolved', 'dismissed'])},
         min(CASE WHEN unresolved > 0 THEN day END) AS first_failed,
         max(CASE WHEN shown > 0 THEN day END) AS last_shown,
         sum(CASE WHEN shown > 0 AND unresolved = 0 THEN 1 ELSE 0 END) AS clean_days
       FROM ins_tip_day WHERE day >= ? AND day <= ? AND ${APP}
       GROUP BY app, screen, tip HAVING sum(shown) + sum(unresolved) > 0`,
      range(r),
    );
    for (const row of rows) {
      row.first_failed = row.first_failed ?? undefined;
      row.last_shown = row.last_shown ?? undefined;
    }
    return numbers(rows, ['shown', 'unresolved', 'dismissed', 'clean_days']);
  }

  /** Days a tip was not found and not shown (rare: a tip that works is mostly shown). */
  async tipFailingDays(r: InsightRange): Promise<TipFailingDay[]> {
    return (await this.run(
      `SELECT app, screen, tip, day FROM ins_tip_day
       WHERE day >= ? AND day <= ? AND ${APP} AND shown = 0 AND unresolved > 0`,
      range(r),
    )) as unknown as TipFailingDay[];
  }

  async lessonSteps(r: InsightRange): Promise<LessonStepTotal[]> {
    const rows = await this.run(
      `SELECT lesson, step, sum(n) AS n FROM ins_lesson_day WHERE day >= ? AND day <= ?
       GROUP BY lesson, step`,
      dayRange(r),
    );
    return numbers(rows, ['step', 'n']);
  }

  async lessonCompletions(r: InsightRange): Promise<LessonDoneTotal[]> {
    const rows = await this.run(
      `SELECT lesson, ${SUMS(['n', 'questions', 'correct'])} FROM ins_lesson_done_day
       WHERE day >= ? AND day <= ? GROUP BY lesson`,
      dayRange(r),
    );
    return numbers(rows, ['n', 'questions', 'correct']);
  }

  async questionTotals(r: InsightRange): Promise<QuestionTotal[]> {
    const rows = await this.run(
      `SELECT lesson, question, choice, first, sum(n) AS n, sum(correct) AS correct
       FROM ins_question_day WHERE day >= ? AND day <= ?
       GROUP BY lesson, question, choice, first`,
      dayRange(r),
    );
    return numbers(rows, ['first', 'n', 'correct']);
  }

  async teamQuestionTotals(r: InsightRange): Promise<TeamQuestionTotal[]> {
    const rows = await this.run(
      `SELECT team, lesson, question, sum(answers) AS answers, sum(correct) AS correct
       FROM ins_team_question_day WHERE day >= ? AND day <= ?
       GROUP BY team, lesson, question`,
      dayRange(r),
    );
    return numbers(rows, ['answers', 'correct']);
  }

  async pathTotals(r: InsightRange): Promise<PathTotal[]> {
    const rows = await this.run(
      `SELECT path, sum(n) AS n FROM ins_path_day WHERE day >= ? AND day <= ? GROUP BY path`,
      dayRange(r),
    );
    return numbers(rows, ['n']);
  }

  /** Each path completed in the range: when, the learner's first record, when they joined. */
  async pathRuns(r: InsightRange): Promise<PathRun[]> {
    const rows = await this.run(
      `SELECT p.subject AS path, p.day AS completed,
         (SELECT min(f.day) FROM learning_records f WHERE f.email = p.email) AS first_record,
         (SELECT min(u.created_at) FROM users u WHERE lower(u.email) = p.email) AS joined
       FROM learning_records p
       WHERE p.type = 'path_completed' AND p.day >= ? AND p.day <= ?`,
      dayRange(r),
    );
    return rows.map((row) => ({
      path: String(row.path),
      completed: String(row.completed),
      first_record: String(row.first_record),
      joined: typeof row.joined === 'string' ? row.joined.slice(0, 10) : undefined,
    }));
  }

  /**
   * Distinct learners per lesson or path (`key`), or per team, and record type: the union of the
   * period's learner sets (server/insights/learner-sets.ts), whole months read as one set each
   * (`r.monthsFrom`).
   */
  async learnerCounts(r: InsightRange, by: LearnerSetKind): Promise<LearnerCount[]> {
    const { months, days } = parts(r);
    const rows: Row[] = [];
    if (months.length > 0)
      rows.push(
        ...(await this.run(
          `SELECT key, type, bits FROM ins_learner_sets
           WHERE kind = ? AND period IN ${IN(months)}`,
          [by, ...months],
        )),
      );
    for (const [from, to] of days)
      rows.push(
        ...(await this.run(
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

  async peopleWeeks(fromWeek: string, toWeek: string): Promise<PeopleWeek[]> {
    const rows = await this.run(
      `SELECT week, team, scope, people FROM ins_people_week WHERE week >= ? AND week <= ?`,
      [fromWeek, toWeek],
    );
    return numbers(rows, ['people']);
  }

  async teamTotals(r: InsightRange): Promise<TeamTotal[]> {
    const rows = await this.run(
      `SELECT team, ${SUMS(['searches', 'failed', 'opened'])} FROM ins_team_day
       WHERE day >= ? AND day <= ? GROUP BY team`,
      dayRange(r),
    );
    return numbers(rows, ['searches', 'failed', 'opened']);
  }

  /** Helpdesk outcomes of tickets solved in the range, as moments per day, team and cohort. */
  async helpdeskMoments(r: InsightRange): Promise<HelpdeskMoments[]> {
    const moments = (c: string, as: string) =>
      `count(${c}) AS ${as}_n, sum(${c}) AS ${as}_sum, sum(${c} * ${c}) AS ${as}_sq`;
    const rows = await this.run(
      `SELECT day, team, cohort, count(*) AS tickets,
         ${moments('resolution', 'resolution')}, ${moments('log_resolution', 'log')},
         ${moments('reopens', 'reopens')}, ${moments('replies', 'replies')}
       FROM ins_helpdesk_tickets WHERE day >= ? AND day <= ? GROUP BY day, team, cohort`,
      dayRange(r),
    );
    const columns = ['tickets'].concat(
      ...['resolution', 'log', 'reopens', 'replies'].map((m) => [`${m}_n`, `${m}_sum`, `${m}_sq`]),
    );
    return numbers(rows, columns);
  }

  /** Distinct agents per cohort and week (weekly pseudonyms: counts never span weeks). */
  async cohortAgents(r: InsightRange): Promise<CohortAgents[]> {
    const rows = await this.run(
      `SELECT cohort, agent_week AS week, count(DISTINCT agent) AS agents
       FROM ins_helpdesk_tickets WHERE day >= ? AND day <= ? AND agent IS NOT NULL
       GROUP BY cohort, agent_week`,
      dayRange(r),
    );
    return numbers(rows, ['agents']);
  }
}
