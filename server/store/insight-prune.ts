import { retentionCutoffs } from '@/lib/insights';
import { dayNumber } from '../insights/event-codec';
import { dayRollups, monthTwins } from '../insights/rollups';
import type { PruneCounts } from './insight-types';

/**
 * What a retention run deletes (docs/privacy.md, "Retention"), as statements both backends run
 * unchanged in one transaction, in this order. `queryK` is the threshold in force: words of a
 * query fewer people than that ever typed within 30 days go 30 days after it was last typed.
 */
export interface PruneStatement {
  /** What the rows it changes count as (none: a row changed, not deleted). */
  kind: keyof PruneCounts | undefined;
  sql: string;
  params: (string | number)[];
}

export function pruneStatements(today: string, queryK: number): PruneStatement[] {
  const cut = retentionCutoffs(today);
  const subThreshold = `SELECT id FROM ins_queries WHERE peak < ? AND last_day < ?`;
  const words = [queryK, cut.queryWordsBefore];
  return [
    {
      kind: 'raw_events',
      sql: 'DELETE FROM ins_events WHERE day < ?',
      params: [dayNumber(cut.rawEventsBefore)],
    },
    {
      kind: 'content_requests',
      sql: 'DELETE FROM ins_content_requests WHERE day < ?',
      params: [cut.rawEventsBefore],
    },
    {
      kind: 'installs',
      sql: 'DELETE FROM ins_installs WHERE last_day < ?',
      params: [dayNumber(cut.rawEventsBefore)],
    },
    {
      kind: 'guidance_records',
      sql: 'DELETE FROM ins_guidance WHERE last_day < ?',
      params: [cut.rawEventsBefore],
    },
    // The raw rows keep their 90 days; only their pointer to the words goes.
    {
      kind: undefined,
      sql: `UPDATE ins_events SET query = NULL WHERE query IN (${subThreshold})`,
      params: words,
    },
    {
      kind: 'rollup_rows',
      sql: `DELETE FROM ins_query_day WHERE query IN (${subThreshold})`,
      params: words,
    },
    {
      kind: 'rollup_rows',
      sql: `DELETE FROM ins_query_month WHERE query IN (${subThreshold})`,
      params: words,
    },
    {
      kind: 'query_words',
      sql: 'DELETE FROM ins_queries WHERE peak < ? AND last_day < ?',
      params: words,
    },
    ...dayRollups.map((table): PruneStatement => ({
      kind: 'rollup_rows',
      sql: `DELETE FROM ${table} WHERE day < ?`,
      params: [cut.rollupsBefore],
    })),
    // A month ('YYYY-MM' sorts before each of its days) goes with its first day: from then on
    // the days it still has are read from their daily rows (learner-sets.ts, periodParts).
    ...Object.values(monthTwins).map((table): PruneStatement => ({
      kind: 'rollup_rows',
      sql: `DELETE FROM ${table} WHERE month < ?`,
      params: [cut.rollupsBefore],
    })),
    {
      kind: 'rollup_rows',
      sql: 'DELETE FROM ins_people_week WHERE week < ?',
      params: [cut.rollupsBefore],
    },
    {
      kind: 'rollup_rows',
      sql: 'DELETE FROM ins_helpdesk_tickets WHERE day < ?',
      params: [cut.rollupsBefore],
    },
    {
      kind: 'query_words',
      sql: 'DELETE FROM ins_queries WHERE last_day < ?',
      params: [cut.rollupsBefore],
    },
    {
      kind: 'learning_records',
      sql: 'DELETE FROM learning_records WHERE day < ?',
      params: [cut.rollupsBefore],
    },
    // Learner sets go with the records they count: a day's with its day, a month's ('YYYY-MM',
    // before any of its days as text) with its first day, so a month partly cut is read by days.
    {
      kind: 'rollup_rows',
      sql: 'DELETE FROM ins_learner_sets WHERE period < ?',
      params: [cut.rollupsBefore],
    },
    // A learner with no record left loses their id (no set holds it any more).
    {
      kind: undefined,
      sql: `DELETE FROM ins_learners WHERE NOT EXISTS
        (SELECT 1 FROM learning_records r WHERE r.email = ins_learners.email)`,
      params: [],
    },
    {
      kind: 'person_marks',
      sql: 'DELETE FROM ins_marks WHERE week < ?',
      params: [cut.saltWeeksBefore],
    },
    { kind: 'salts', sql: 'DELETE FROM ins_salts WHERE week < ?', params: [cut.saltWeeksBefore] },
  ];
}

export const emptyPruneCounts = (): PruneCounts => ({
  raw_events: 0,
  installs: 0,
  query_words: 0,
  rollup_rows: 0,
  learning_records: 0,
  salts: 0,
  person_marks: 0,
  guidance_records: 0,
  content_requests: 0,
});
