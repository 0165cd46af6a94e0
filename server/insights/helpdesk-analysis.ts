import { IMPACT_MIN_PEOPLE } from '@/lib/insights';
import type { Estimate, HelpdeskMetric, HoldoutDesign, ImpactView } from '@/lib/insights/views';
import type { CohortAgents, HelpdeskMoments } from '../store';
import { byText, groupBy } from './views/common';
import { heldOutTeams } from './holdout';
import { addMoments, combine, mean, meanInterval, variance, welch, type Moments } from './stats';

type Association = NonNullable<ImpactView['helpdesk']['association']>;
type Experiment = NonNullable<ImpactView['helpdesk']['experiment']>;
type Cohort = 'guidance' | 'no_guidance';

const NONE: Moments = { n: 0, sum: 0, sq: 0 };
/** Where each metric's moments are; resolution time is analysed on the log scale for effects. */
const columns = {
  resolution_minutes: 'resolution',
  reopens: 'reopens',
  replies: 'replies',
} as const;

function columnMoments(rows: readonly HelpdeskMoments[], column: string): Moments {
  const r = rows as unknown as readonly Record<string, number>[];
  return r.reduce(
    (m, row) =>
      addMoments(m, {
        n: row[`${column}_n`]!,
        sum: row[`${column}_sum`]!,
        sq: row[`${column}_sq`]!,
      }),
    NONE,
  );
}

const perMetric = <T>(f: (metric: HelpdeskMetric, column: string) => T | undefined) => {
  const out: Partial<Record<HelpdeskMetric, T>> = {};
  for (const [metric, column] of Object.entries(columns) as [HelpdeskMetric, string][]) {
    const value = f(metric, column);
    if (value !== undefined) out[metric] = value;
  }
  return out;
};

/**
 * Tickets where guidance was opened against tickets where it was not: means with intervals and
 * their difference, only for cohorts of at least IMPACT_MIN_PEOPLE agents. An association: who
 * opens guidance, on which tickets, is not random.
 */
export function association(
  rows: readonly HelpdeskMoments[],
  agents: readonly CohortAgents[],
): Association | undefined {
  if (rows.length === 0) return undefined;
  const tickets = rows.reduce((n, r) => n + r.tickets, 0);
  const shown = new Map<Cohort, readonly HelpdeskMoments[]>();
  const cohorts = (['guidance', 'no_guidance'] as const).map((cohort) => {
    const mine = rows.filter((r) => r.cohort === cohort);
    const most = Math.max(0, ...agents.filter((a) => a.cohort === cohort).map((a) => a.agents));
    if (most < IMPACT_MIN_PEOPLE) return { cohort, suppressed: true as const };
    shown.set(cohort, mine);
    return {
      cohort,
      tickets: mine.reduce((n, r) => n + r.tickets, 0),
      agents: most,
      means: perMetric((_, column) => meanInterval(columnMoments(mine, column))),
    };
  });
  const a = shown.get('guidance');
  const b = shown.get('no_guidance');
  return {
    label: 'association',
    note: 'Tickets where guidance was opened compared with tickets where it was not. Agents choose when to open guidance, so this is an association, not the effect of guidance.',
    tickets,
    matched: rows.filter((r) => r.cohort !== 'unmatched').reduce((n, r) => n + r.tickets, 0),
    cohorts,
    difference:
      a === undefined || b === undefined
        ? undefined
        : perMetric((_, column) => welch(columnMoments(a, column), columnMoments(b, column))),
  };
}

/** Treated teams with their start day, and the control teams. */
function arms(design: HoldoutDesign, teams: readonly string[]) {
  if (design.design === 'holdout') {
    const held = heldOutTeams(design);
    const listed = new Set(design.teams ?? []);
    return {
      treated: teams
        .filter((t) => listed.has(t) && !held.has(t))
        .map((t) => ({ team: t, start: design.start })),
      control: teams.filter((t) => held.has(t)),
    };
  }
  return {
    treated: teams.flatMap((t) =>
      design.teams[t] === undefined ? [] : [{ team: t, start: design.teams[t] }],
    ),
    control: teams.filter((t) => design.teams[t] === undefined),
  };
}

/** A team's mean after `start` minus before, or undefined without tickets on both sides. */
function change(
  rows: readonly HelpdeskMoments[],
  start: string,
  column: string,
): number | undefined {
  const before = columnMoments(
    rows.filter((r) => r.day < start),
    column,
  );
  const after = columnMoments(
    rows.filter((r) => r.day >= start),
    column,
  );
  return before.n === 0 || after.n === 0 ? undefined : mean(after) - mean(before);
}

function differenceInDifferences(
  byTeam: ReadonlyMap<string, readonly HelpdeskMoments[]>,
  sides: ReturnType<typeof arms>,
  column: string,
): Estimate | undefined {
  const parts = [...groupBy(sides.treated, (t) => t.start)].map(([start, treated]) => {
    const of = (teams: readonly string[]) =>
      teams.flatMap((t) => {
        const d = change(byTeam.get(t) ?? [], start, column);
        return d === undefined ? [] : [d];
      });
    const t = of(treated.map((x) => x.team));
    const c = of(sides.control);
    const m = (xs: number[]) => ({
      n: xs.length,
      sum: xs.reduce((a, b) => a + b, 0),
      sq: xs.reduce((a, b) => a + b * b, 0),
    });
    return { t: m(t), c: m(c) };
  });
  const usable = parts.filter((p) => p.t.n >= 2 && p.c.n >= 2);
  if (usable.length === 0) return undefined;
  return combine(
    usable.map(({ t, c }) => ({
      weight: t.n,
      estimate: mean(t) - mean(c),
      terms: [
        { variance: variance(t) / t.n, df: t.n - 1 },
        { variance: variance(c) / c.n, df: c.n - 1 },
      ],
    })),
  );
}

const relative = (e: Estimate): Estimate => ({
  estimate: Math.expm1(e.estimate),
  ci95: [Math.expm1(e.ci95[0]), Math.expm1(e.ci95[1])],
});

/**
 * The causal step: difference-in-differences between treated and control teams of a holdout (or
 * staggered start), on team means before and after each start — teams are what was randomised,
 * so the interval comes from the spread between teams.
 */
export function experiment(rows: readonly HelpdeskMoments[], design: HoldoutDesign): Experiment {
  const byTeam = groupBy(rows, (r) => r.team);
  const sides = arms(design, [...byTeam.keys()].filter((t) => t !== '').sort(byText));
  const effects = perMetric((metric, column) => {
    const estimate = differenceInDifferences(
      byTeam,
      sides,
      metric === 'resolution_minutes' ? 'log' : column,
    );
    return estimate === undefined
      ? undefined
      : metric === 'resolution_minutes'
        ? relative(estimate)
        : estimate;
  });
  const teams = new Set([...sides.treated.map((t) => t.team), ...sides.control]);
  return {
    label: 'causal',
    design: design.design,
    note: 'Difference-in-differences: the change in treated teams after their start, minus the change in control teams over the same time. Only as good as the random assignment of teams.',
    treated_teams: sides.treated.length,
    control_teams: sides.control.length,
    tickets: rows.filter((r) => teams.has(r.team)).reduce((n, r) => n + r.tickets, 0),
    effects,
    ...(Object.keys(effects).length === 0
      ? {
          insufficient:
            'needs at least 2 treated and 2 control teams with tickets before and after the start',
        }
      : {}),
  };
}
