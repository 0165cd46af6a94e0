import { z } from 'zod';
import { count, day, searchCountsSchema, share, slug, suppressed, viewBase } from './views-common';

/**
 * The views about people — learning, teams, impact — part of the contract in views.ts (read its
 * conventions first). These are where the people minimums apply.
 */

// ——— Learning ———

export const lessonFunnelSchema = z.strictObject({
  lesson: slug,
  title: z.string().optional(),
  /** Learners who finished step 1. */
  started: count,
  /** Each step (0-based) and how many finished it; drop_off: the share lost since the step before. */
  steps: z.array(z.strictObject({ step: count, reached: count, drop_off: share.optional() })),
  completed: count,
  /** completed / started. */
  completion_rate: share.optional(),
  /** Right answers / questions, over completions (suppressed under min_people learners). */
  average_score: share.optional(),
});

/** A knowledge-check question: how often the first answer is wrong, and which wrong choices. */
export const questionStatsSchema = z.union([
  z.strictObject({
    lesson: slug,
    question: slug,
    prompt: z.string().optional(),
    /** Learners who answered it in the period. */
    learners: count,
    /** First attempts. */
    answers: count,
    wrong_first_time: share.optional(),
    /** Each choice (ids joined by "+" for several) picked at a first attempt; `correct` per the lesson. */
    choices: z.array(z.strictObject({ choice: z.string(), picked: count, correct: z.boolean() })),
  }),
  z.strictObject({ lesson: slug, question: slug, suppressed }),
]);
export type QuestionStats = z.output<typeof questionStatsSchema>;

export const pathStatsSchema = z.strictObject({
  path: slug,
  title: z.string().optional(),
  completed: count,
  /**
   * New hires (accounts at most 30 days old at their first learning record): days from that first
   * record to completing the path.
   */
  new_hires: z.union([
    z.strictObject({ learners: count, median_days: z.number(), p75_days: z.number() }),
    z.strictObject({ suppressed }),
  ]),
});

export const learningViewSchema = z.strictObject({
  view: z.literal('learning'),
  ...viewBase,
  min_people: count,
  lessons: z.array(lessonFunnelSchema),
  /** Hardest first (most wrong at the first attempt). */
  questions: z.array(questionStatsSchema),
  paths: z.array(pathStatsSchema),
});
export type LearningView = z.output<typeof learningViewSchema>;

// ——— Teams ———

const hardQuestionSchema = z.strictObject({
  lesson: slug,
  question: slug,
  answers: count,
  wrong_first_time: share.optional(),
});

export const teamRowSchema = z.union([
  z.strictObject({
    team: slug.optional(),
    /** Users of the team now (signed up, not revoked). */
    eligible: count,
    /** Distinct people who used Waymark (opened, read, searched, voted, learned) each week. */
    weeks: z.array(z.strictObject({ week: day, active: count })),
    /** Active people in the last week of the period / eligible. */
    active_share: share.optional(),
    searching: z.union([
      z.strictObject({ people: count, ...searchCountsSchema.shape }),
      z.strictObject({ suppressed }),
    ]),
    questions: z.union([
      z.strictObject({
        learners: count,
        answers: count,
        wrong_first_time: share.optional(),
        hardest: z.array(hardQuestionSchema),
      }),
      z.strictObject({ suppressed }),
    ]),
  }),
  z.strictObject({ team: slug.optional(), suppressed }),
]);
export type TeamRow = z.output<typeof teamRowSchema>;

export const teamsViewSchema = z.strictObject({
  view: z.literal('teams'),
  ...viewBase,
  min_people: count,
  teams: z.array(teamRowSchema),
});
export type TeamsView = z.output<typeof teamsViewSchema>;

// ——— Impact ———

export const helpdeskMetrics = ['resolution_minutes', 'reopens', 'replies'] as const;
export type HelpdeskMetric = (typeof helpdeskMetrics)[number];

/** An estimate with its 95 % confidence interval. */
export const estimateSchema = z.strictObject({
  estimate: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
});
export type Estimate = z.output<typeof estimateSchema>;

const metricEstimates = z.strictObject(
  Object.fromEntries(helpdeskMetrics.map((m) => [m, estimateSchema.optional()])) as Record<
    HelpdeskMetric,
    z.ZodOptional<typeof estimateSchema>
  >,
);

export const cohortSchema = z.union([
  z.strictObject({
    cohort: z.enum(['guidance', 'no_guidance']),
    tickets: count,
    /** Distinct agents (the most in any one week: agents are only known week by week). */
    agents: count,
    /** Mean of each outcome with its 95 % interval. */
    means: metricEstimates,
  }),
  z.strictObject({ cohort: z.enum(['guidance', 'no_guidance']), suppressed }),
]);

export const associationSchema = z.strictObject({
  label: z.literal('association'),
  note: z.string(),
  tickets: count,
  matched: count,
  cohorts: z.array(cohortSchema),
  /** Mean with guidance − mean without (Welch), when both cohorts may be shown. */
  difference: metricEstimates.optional(),
});

export const experimentSchema = z.strictObject({
  label: z.literal('causal'),
  design: z.enum(['holdout', 'staggered']),
  note: z.string(),
  treated_teams: count,
  control_teams: count,
  tickets: count,
  /**
   * Difference-in-differences of each team's mean after its start date minus before it, treated
   * teams against control teams, with a 95 % interval from the spread between teams (teams are
   * what was randomised). `resolution_minutes` is relative (computed on the log scale: 0.1 means
   * 10 % longer, −0.1 10 % shorter); `reopens` and `replies` are per ticket. Absent when there is
   * too little data (`insufficient` says why).
   */
  effects: metricEstimates,
  /** Why an effect is absent. */
  insufficient: z.string().optional(),
});

/** One upload of a helpdesk export, as summarised after the ids were dropped. */
export const helpdeskImportSchema = z.strictObject({
  id: count,
  at: z.iso.datetime(),
  tickets: count,
  /** Tickets whose hashed id matched a record seen in Waymark. */
  matched: count,
  guidance: count,
  no_guidance: count,
  /** Rows skipped, with the first reasons (line numbers). */
  skipped: count,
  problems: z.array(z.string()),
});
export type HelpdeskImport = z.output<typeof helpdeskImportSchema>;

export const impactViewSchema = z.strictObject({
  view: z.literal('impact'),
  ...viewBase,
  min_people: count,
  indicators: z.strictObject({
    searches: count,
    /** Search sessions that ended in an open / all. */
    self_serve_rate: share.optional(),
    failed_rate: share.optional(),
    record_views: count,
    /** Record views on screens with published help / all record views. */
    coverage: share.optional(),
    lessons_completed: count,
    /** Right answers / questions over completed lessons. */
    quiz_mastery: share.optional(),
    failed_rate_by_screen: z.array(
      z.strictObject({
        app: slug.optional(),
        screen: slug.optional(),
        ...searchCountsSchema.shape,
      }),
    ),
    gaps_closed: z.array(
      z.strictObject({
        key: z.string(),
        app: slug.optional(),
        screen: slug.optional(),
        item: slug.optional(),
        published_on: day,
        before_rate: share.optional(),
        after_rate: share.optional(),
        change: z.number().optional(),
      }),
    ),
  }),
  helpdesk: z.strictObject({
    imports: z.array(helpdeskImportSchema),
    association: associationSchema.optional(),
    experiment: experimentSchema.optional(),
  }),
});
export type ImpactView = z.output<typeof impactViewSchema>;
