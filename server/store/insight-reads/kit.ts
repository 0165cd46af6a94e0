/**
 * What every insights read is made of. The reads are aggregates over the rollups, in statements
 * both backends run unchanged (`?` placeholders; PostgreSQL's runner numbers them). They are
 * read-only and portable, so they live once here rather than twice in sqlite/ and postgres/
 * (ADR 0006); every write stays in its backend. No statement returns a sub-threshold query's
 * words: the k rule is in the WHERE clause of every read that returns words (gaps.ts).
 */

import { periodParts } from '../../insights/period-parts';
import type { InsightRange } from './types';

/** Runs one read statement with positional parameters; rows with columns as named. */
export type ReadRunner = (sql: string, params: readonly (string | number)[]) => Promise<Row[]>;
export type Row = Record<string, unknown>;

export const APP = `(? = '' OR app = ?)`;
export const range = (r: InsightRange) => [r.from, r.to, r.app ?? '', r.app ?? ''];
export const dayRange = (r: InsightRange) => [r.from, r.to];

/** The whole months and day runs to read a range by (daily rows only without `monthsFrom`). */
export const parts = (r: InsightRange) => periodParts(r.from, r.to, r.monthsFrom ?? '9999');
export const IN = (values: readonly unknown[]) => `(${values.map(() => '?').join(', ')})`;

export const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);

/** Rows with the named columns as numbers (drivers answer sums as strings or bigints). */
export function numbers<T>(rows: Row[], columns: readonly string[]): T[] {
  for (const row of rows) for (const column of columns) row[column] = num(row[column]);
  return rows as T[];
}

export const SUMS = (columns: readonly string[]) =>
  columns.map((c) => `sum(${c}) AS ${c}`).join(', ');

interface Merge {
  keys: readonly string[];
  sums: readonly string[];
  greatest: readonly string[];
}

/** The greater of two values (numbers, or text by order); absent loses. */
function greater(a: unknown, b: unknown): unknown {
  if (b === null || b === undefined) return a;
  return a === null || a === undefined || (b as never) > (a as never) ? b : a;
}

/** Rows of several parts as one: summed by key, or the greatest (numbers, or text by order). */
function mergeRows(rows: readonly Row[], { keys, sums, greatest }: Merge): Row[] {
  const merged = new Map<string, Row>();
  for (const row of rows) {
    const id = JSON.stringify(keys.map((k) => row[k]));
    const seen = merged.get(id);
    if (seen === undefined) {
      merged.set(id, { ...row });
      continue;
    }
    for (const c of sums) seen[c] = num(seen[c]) + num(row[c]);
    for (const c of greatest) seen[c] = greater(seen[c], row[c]);
  }
  return [...merged.values()];
}

/**
 * One grouped read of a range from a daily rollup (`span` 'day') and its month twin ('month'):
 * `sql(span, period)` puts the period's condition first in its WHERE (its parameters come
 * first); the parts' rows are merged by `keys`, summing `sums`, keeping the greatest of
 * `greatest`. A range inside one run of days is a single statement, as before.
 */
export async function acrossMonths(
  run: ReadRunner,
  r: InsightRange,
  sql: PeriodSql,
  params: readonly (string | number)[],
  merge: Merge,
): Promise<Row[]> {
  const results: Row[][] = [];
  for (const read of periodReads(r, sql, params)) results.push(await run(read.sql, read.params));
  return results.length === 1 ? results[0]! : mergeRows(results.flat(), merge);
}

/** A statement over a daily rollup (`span` 'day') or its month twin, given the period's condition. */
export type PeriodSql = (span: 'day' | 'month', period: string) => string;

/**
 * The statements reading a range: one per run of days from the daily rollup, one for its whole
 * months from the month twin; each statement's period parameters come before `params`.
 */
export function periodReads(
  r: InsightRange,
  sql: PeriodSql,
  params: readonly (string | number)[],
): { sql: string; params: (string | number)[] }[] {
  const { months, days } = parts(r);
  const reads = days.map(([from, to]) => ({
    sql: sql('day', 'd.day >= ? AND d.day <= ?'),
    params: [from, to, ...params],
  }));
  if (months.length > 0)
    reads.push({ sql: sql('month', `d.month IN ${IN(months)}`), params: [...months, ...params] });
  return reads;
}
