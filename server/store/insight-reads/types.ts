/** The rows the insights reads answer (server/store/insight-reads/): days and sums, never who. */

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
/** A visible query among its screen's most searched, with how many its screen has in all. */
export interface RankedQuery extends QueryTotal {
  visible: number;
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
/** An item's usage counts, over a period or a day. */
interface ItemCounts {
  shown: number;
  opened: number;
  opened_page: number;
  reads: number;
  helpful: number;
  unhelpful: number;
}
export interface ItemTotal extends ItemCounts {
  item: string;
  last_day: string;
}
export interface ItemDay extends ItemCounts {
  day: string;
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
