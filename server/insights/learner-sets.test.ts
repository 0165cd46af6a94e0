import { afterEach, describe, expect, it } from 'vitest';
import { retentionCutoffs, type InsightEvent } from '@/lib/insights';
import { testBackends, type TempStore } from '../test-fixtures';
import { countLearners, learnerSetAdditions, unionInto, withLearners } from './learner-sets';
import { periodParts } from './period-parts';
import { learner, movableClock, seededRandom, sendDays } from './test-support';

describe('learner set helpers', () => {
  it('splits a period into the whole months retention keeps and the days left over', () => {
    expect(periodParts('2026-03-15', '2026-06-15', '2024-05-15')).toEqual({
      months: ['2026-04', '2026-05'],
      days: [
        ['2026-03-15', '2026-03-31'],
        ['2026-06-01', '2026-06-15'],
      ],
    });
    expect(periodParts('2026-02-01', '2026-02-28', '2024-05-15').months).toEqual(['2026-02']);
    expect(periodParts('2026-05-02', '2026-05-31', '2024-05-15')).toEqual({
      months: [],
      days: [['2026-05-02', '2026-05-31']],
    });
    // A month retention has begun to cut (its text sorts before the cutoff) is read by its days.
    expect(periodParts('2024-05-01', '2024-07-31', '2024-05-15')).toEqual({
      months: ['2024-06', '2024-07'],
      days: [['2024-05-01', '2024-05-31']],
    });
  });

  it('adds learners to a bitmap, reports no change for learners it holds, and counts a union', () => {
    const one = withLearners('', [1, 9])!;
    expect(withLearners(one, [9])).toBeUndefined();
    const two = withLearners(one, [9, 700])!;
    const union = unionInto(unionInto(new Uint8Array(0), one), two);
    expect(countLearners(union)).toBe(3);
    expect(countLearners(unionInto(union, withLearners('', [2])!))).toBe(4);
  });

  it('touches the day and month sets of each subject and team once per learner', () => {
    const fact = { email: 'a', team: 't', day: '2026-05-03', type: 'quiz_answer', subject: 'l' };
    const sets = learnerSetAdditions([fact, fact, { ...fact, email: 'b' }], (e) =>
      e === 'a' ? 1 : 2,
    );
    expect(sets.map((s) => `${s.kind} ${s.period} ${s.key} ${s.ids.join(',')}`)).toEqual([
      'subject 2026-05 l 1,2',
      'subject 2026-05-03 l 1,2',
      'team 2026-05 t 1,2',
      'team 2026-05-03 t 1,2',
    ]);
  });
});

const FIRST = '2026-04-20';
const LAST = '2026-06-15';
const TEAMS = ['emea', 'apac', ''];

interface Fact {
  email: string;
  team: string;
  day: string;
  type: string;
  subject: string;
}

function learningEvent(r: () => number, day: string): [InsightEvent, string] {
  const lesson = `lesson-${Math.floor(r() * 4)}`;
  const x = r();
  if (x < 0.4)
    return [{ type: 'lesson_step', v: 1, day, lesson, step: Math.floor(r() * 3) }, lesson];
  if (x < 0.6)
    return [{ type: 'lesson_completed', v: 1, day, lesson, questions: 3, correct: 2 }, lesson];
  if (x < 0.9) {
    const [question, choice] = [`q${Math.floor(r() * 2)}`, r() < 0.5 ? 'a' : 'b'];
    const answer = { question, choices: [choice], correct: choice === 'a' };
    const attempt = 1 + Math.floor(r() * 2);
    const event: InsightEvent = { type: 'quiz_answer', v: 1, day, lesson, ...answer, attempt };
    return [event, lesson];
  }
  const path = `path-${Math.floor(r() * 2)}`;
  return [{ type: 'path_completed', v: 1, day, path }, path];
}

/** The expected answer, straight from what was sent: distinct learners per key and type. */
function distinct(facts: readonly Fact[], from: string, to: string, by: 'subject' | 'team') {
  const sets = new Map<string, Set<string>>();
  for (const f of facts)
    if (f.day >= from && f.day <= to) {
      const id = `${by === 'subject' ? f.subject : f.team} ${f.type}`;
      sets.set(id, (sets.get(id) ?? new Set()).add(f.email));
    }
  return [...sets].map(([id, people]) => `${id} ${people.size}`).sort();
}

describe.each(testBackends())('learner sets on $name', (backend) => {
  let env: TempStore;
  afterEach(() => env.cleanup());

  it('count exactly the distinct learners the records hold, over any period and after retention; quiz rollups sum the answers', async () => {
    const clock = movableClock(`${FIRST}T12:00:00.000Z`);
    env = await backend.open(clock.now);
    const { store } = env;
    const { next: r } = seededRandom(11);
    const facts: Fact[] = [];
    const made: (InsightEvent & { team: string })[] = [];
    await sendDays(store, clock, { first: FIRST, last: LAST, people: 16 }, (person, day) => {
      if (r() > 0.25) return undefined;
      const email = `p${person}@example.com`;
      const team = TEAMS[person % TEAMS.length]!;
      const drawn = Array.from({ length: 1 + Math.floor(r() * 3) }, () => learningEvent(r, day));
      const events = drawn.map(([e]) => e);
      made.push(...events.map((e) => ({ ...e, team })));
      for (const [e, subject] of drawn) facts.push({ email, team, day, type: e.type, subject });
      return { user: learner(email, team || undefined), events };
    });
    const kept = retentionCutoffs(LAST).rollupsBefore;
    const periods: [string, string][] = [
      [FIRST, LAST],
      ['2026-05-01', '2026-05-31'],
      ['2026-05-10', '2026-06-02'],
      ['2026-06-15', '2026-06-15'],
      ['2026-03-01', '2026-04-30'],
    ];
    const counted = async (from: string, to: string, by: 'subject' | 'team', keptFrom: string) =>
      (await store.insights.learnerCounts({ from, to, monthsFrom: keptFrom }, by))
        .filter((c) => c.learners > 0)
        .map((c) => `${c.key} ${c.type} ${c.learners}`)
        .sort();
    for (const [from, to] of periods)
      for (const by of ['subject', 'team'] as const) {
        const expected = distinct(facts, from, to, by);
        expect(expected.length).toBeGreaterThan(0);
        expect(await counted(from, to, by, kept), `${by} ${from}..${to}`).toEqual(expected);
        // Month sets or day sets alone: the same answer.
        expect(await counted(from, to, by, '9999')).toEqual(expected);
      }
    type Answer = Extract<InsightEvent, { type: 'quiz_answer' }> & { team: string };
    const quiz = made.filter((e): e is Answer => e.type === 'quiz_answer');
    const sum = (answers: typeof quiz, key: (e: (typeof quiz)[number]) => string) => {
      const totals = new Map<string, [number, number]>();
      for (const e of answers) {
        const t = totals.get(key(e)) ?? [0, 0];
        totals.set(key(e), [t[0] + 1, t[1] + (e.correct ? 1 : 0)]);
      }
      return [...totals].map(([k, [n, right]]) => `${k} ${n} ${right}`).sort();
    };
    const range = { from: FIRST, to: LAST };
    expect(
      (await store.insights.questionTotals(range))
        .map((t) => `${t.lesson} ${t.question} ${t.choice} ${t.first} ${t.n} ${t.correct}`)
        .sort(),
    ).toEqual(
      sum(quiz, (e) => `${e.lesson} ${e.question} ${e.choices[0]} ${e.attempt === 1 ? 1 : 0}`),
    );
    expect(
      (await store.insights.teamQuestionTotals(range))
        .map((t) => `${t.team} ${t.lesson} ${t.question} ${t.answers} ${t.correct}`)
        .sort(),
    ).toEqual(
      sum(
        quiz.filter((e) => e.attempt === 1),
        (e) => `${e.team} ${e.lesson} ${e.question}`,
      ),
    );
    // Retention as of a day that cuts May in two: what is left is counted from the days left.
    const later = '2028-06-20';
    await store.pruneInsights(later);
    const cut = retentionCutoffs(later).rollupsBefore;
    expect(cut > '2026-05-01' && cut < '2026-05-31').toBe(true);
    const left = facts.filter((f) => f.day >= cut);
    for (const by of ['subject', 'team'] as const)
      expect(await counted(FIRST, LAST, by, cut)).toEqual(distinct(left, FIRST, LAST, by));
  });
});
