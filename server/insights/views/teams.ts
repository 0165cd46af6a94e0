import { GROUP_MIN_PEOPLE, suppressSmallGroups } from '@/lib/insights';
import type { TeamRow, TeamsView } from '@/lib/insights/views';
import type { PeopleWeek, Store, TeamQuestionTotal, TeamTotal } from '../../store';
import { periodOf, shareOf, weeksOf, type ViewQuery } from '../range';
import { byText, groupBy, orNone, searchCounts } from './common';

/**
 * Per team: weekly active people against the team's size, searching and question difficulty.
 * A team under GROUP_MIN_PEOPLE users shows nothing; a cell about fewer people than that is
 * suppressed, and when exactly one team's cell is, the next smallest goes with it (the org-wide
 * totals elsewhere would give it away by subtraction). People are counted week by week (salts
 * rotate), so a team's searchers over a period are the most in any one week: never more than
 * the truth.
 */

interface Cell<T> {
  team: string;
  people: number;
  value: T;
}

function suppressCells<T>(cells: Cell<T>[]): Map<string, T | { suppressed: true }> {
  const rows = suppressSmallGroups(cells, { view: 'team', keep: ['team'], withTotal: true });
  return new Map(
    rows.map((r) => [r.team, 'suppressed' in r ? { suppressed: true as const } : r.value]),
  );
}

function questionCell(rows: readonly TeamQuestionTotal[], learners: number) {
  const questions = rows.map((x) => ({
    lesson: x.lesson,
    question: x.question,
    answers: x.answers,
    wrong_first_time: shareOf(x.answers - x.correct, x.answers),
  }));
  const answers = questions.reduce((n, x) => n + x.answers, 0);
  const right = rows.reduce((n, r) => n + r.correct, 0);
  return {
    learners,
    answers,
    wrong_first_time: shareOf(answers - right, answers),
    // Only questions enough answers stand behind.
    hardest: questions
      .filter((x) => x.answers >= GROUP_MIN_PEOPLE)
      .sort(
        (a, b) =>
          (b.wrong_first_time ?? 0) - (a.wrong_first_time ?? 0) || byText(a.question, b.question),
      )
      .slice(0, 3),
  };
}

const mostInAWeek = (weeks: readonly PeopleWeek[]) => Math.max(0, ...weeks.map((w) => w.people));

export async function teamsView(store: Store, q: ViewQuery): Promise<TeamsView> {
  const weeks = weeksOf(q.from, q.to);
  const [users, people, totals, quiz, learners] = await Promise.all([
    store.listUsers(),
    store.insights.peopleWeeks(weeks[0]!, weeks.at(-1)!),
    store.insights.teamTotals(q),
    store.insights.teamQuestionTotals(q),
    store.insights.learnerCounts(q, 'team'),
  ]);
  const eligible = new Map<string, number>();
  for (const u of users)
    if (u.revoked_at === undefined)
      eligible.set(u.team ?? '', (eligible.get(u.team ?? '') ?? 0) + 1);
  const byScope = groupBy(people, (p) => `${p.scope}\n${p.team}`);
  const teams = [...eligible.keys()].sort(byText);
  const totalOf = new Map<string, TeamTotal>(totals.map((t) => [t.team, t]));
  const quizOf = groupBy(quiz, (r) => r.team);
  const learnersOf = new Map(
    learners.filter((l) => l.type === 'quiz_answer').map((l) => [l.key, l.learners]),
  );
  const small = (team: string) => (eligible.get(team) ?? 0) < GROUP_MIN_PEOPLE;
  const searching = suppressCells(
    teams.map((team) => {
      const t = totalOf.get(team);
      const value = { people: 0, ...searchCounts(t?.searches ?? 0, t?.failed ?? 0) };
      value.people = mostInAWeek(byScope.get(`search\n${team}`) ?? []);
      return { team, people: small(team) ? 0 : value.people, value };
    }),
  );
  const questions = suppressCells(
    teams.map((team) => {
      const n = learnersOf.get(team) ?? 0;
      return { team, people: small(team) ? 0 : n, value: questionCell(quizOf.get(team) ?? [], n) };
    }),
  );
  const rows: TeamRow[] = teams.map((team) => {
    if (small(team)) return { team: orNone(team), suppressed: true };
    const active = new Map((byScope.get(`active\n${team}`) ?? []).map((w) => [w.week, w.people]));
    const series = weeks.map((week) => ({ week, active: active.get(week) ?? 0 }));
    return {
      team: orNone(team),
      eligible: eligible.get(team)!,
      weeks: series,
      active_share: shareOf(series.at(-1)!.active, eligible.get(team)!),
      searching: searching.get(team)!,
      questions: questions.get(team)!,
    };
  });
  return {
    view: 'teams',
    period: periodOf(q),
    generated_at: store.now().toISOString(),
    min_people: GROUP_MIN_PEOPLE,
    teams: rows,
  };
}
