/** The Teams and Impact views' reads: people per week, teams' searches, helpdesk outcomes. */

import { dayRange, numbers, SUMS, type ReadRunner } from './kit';
import type {
  CohortAgents,
  HelpdeskMoments,
  InsightRange,
  PeopleWeek,
  TeamQuestionTotal,
  TeamTotal,
} from './types';

export async function peopleWeeks(
  run: ReadRunner,
  fromWeek: string,
  toWeek: string,
): Promise<PeopleWeek[]> {
  const rows = await run(
    `SELECT week, team, scope, people FROM ins_people_week WHERE week >= ? AND week <= ?`,
    [fromWeek, toWeek],
  );
  return numbers(rows, ['people']);
}

export async function teamTotals(run: ReadRunner, r: InsightRange): Promise<TeamTotal[]> {
  const rows = await run(
    `SELECT team, ${SUMS(['searches', 'failed', 'opened'])} FROM ins_team_day
     WHERE day >= ? AND day <= ? GROUP BY team`,
    dayRange(r),
  );
  return numbers(rows, ['searches', 'failed', 'opened']);
}

export async function teamQuestionTotals(
  run: ReadRunner,
  r: InsightRange,
): Promise<TeamQuestionTotal[]> {
  const rows = await run(
    `SELECT team, lesson, question, sum(answers) AS answers, sum(correct) AS correct
     FROM ins_team_question_day WHERE day >= ? AND day <= ?
     GROUP BY team, lesson, question`,
    dayRange(r),
  );
  return numbers(rows, ['answers', 'correct']);
}

/** Helpdesk outcomes of tickets solved in the range, as moments per day, team and cohort. */
export async function helpdeskMoments(
  run: ReadRunner,
  r: InsightRange,
): Promise<HelpdeskMoments[]> {
  const moments = (c: string, as: string) =>
    `count(${c}) AS ${as}_n, sum(${c}) AS ${as}_sum, sum(${c} * ${c}) AS ${as}_sq`;
  const rows = await run(
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
export async function cohortAgents(run: ReadRunner, r: InsightRange): Promise<CohortAgents[]> {
  const rows = await run(
    `SELECT cohort, agent_week AS week, count(DISTINCT agent) AS agents
     FROM ins_helpdesk_tickets WHERE day >= ? AND day <= ? AND agent IS NOT NULL
     GROUP BY cohort, agent_week`,
    dayRange(r),
  );
  return numbers(rows, ['agents']);
}
