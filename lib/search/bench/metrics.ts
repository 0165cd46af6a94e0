/**
 * The search benchmark's corpus shape and quality/latency measures, shared by `waymark bench
 * search` and `npm run bench:search` (bench/search.bench.ts) so both count hits the same way.
 */
import type { SearchDoc } from '../types';

export interface BenchQuery {
  query: string;
  /** Every id that counts as a right answer: `expected` plus any `also` ids. */
  expected: string[];
  /** The query's kind: `style` (agent-language sets) or `type` (title-derived sets). */
  type?: string;
  /** `qid` when the set names its queries. */
  id?: string;
}

/** One JSONL corpus line → a SearchDoc (`intro` or `summary` as the summary), or why not. */
export function toDoc(value: unknown): SearchDoc | string {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null) return 'not an object';
  if (typeof v.id !== 'string' || typeof v.title !== 'string') return 'needs string id and title';
  const summary = typeof v.intro === 'string' ? v.intro : v.summary;
  return {
    id: v.id,
    title: v.title,
    summary: typeof summary === 'string' ? summary : '',
    tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [],
    body: typeof v.body === 'string' ? v.body : '',
  };
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((e) => typeof e === 'string');

/**
 * One JSONL query line → a BenchQuery, or why not. `expected` is an id or a list of ids; `also`
 * (optional) lists other ids that answer the query equally well: a hit on any of them counts.
 * The kind is `style` or else `type`.
 */
export function toQuery(value: unknown): BenchQuery | string {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || typeof v.query !== 'string')
    return 'needs a string query';
  const expected = typeof v.expected === 'string' ? [v.expected] : v.expected;
  if (!isIdList(expected)) return 'needs expected: an id or a list of ids';
  if (v.also !== undefined && !isIdList(v.also)) return 'also must be a list of ids';
  const kind = typeof v.style === 'string' ? v.style : v.type;
  return {
    query: v.query,
    expected: [...new Set([...expected, ...(v.also ?? [])])],
    ...(typeof kind === 'string' ? { type: kind } : {}),
    ...(typeof v.qid === 'string' ? { id: v.qid } : {}),
  };
}

export const SPLITS = ['tune', 'held-out'] as const;
export type Split = (typeof SPLITS)[number];

/**
 * A fixed half of a development set, by a hash of the query's id (or text): techniques are
 * developed on `tune` and checked on `held-out`, so a gain that only fits the queries it was
 * tuned on shows as a gap between the two.
 */
export function splitOf(q: BenchQuery): Split {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const ch of q.id ?? q.query) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 2 === 0 ? 'tune' : 'held-out';
}

/** quality() per group of queries (by kind, by split…), groups in first-seen order. */
export function qualityBy(
  queries: readonly BenchQuery[],
  ranks: readonly number[],
  groupOf: (q: BenchQuery) => string,
) {
  const groups = [...new Set(queries.map(groupOf))];
  return Object.fromEntries(
    groups.map((group) => {
      const mine = ranks.filter((_, i) => groupOf(queries[i]!) === group);
      return [group, { ...quality(mine), queries: mine.length }];
    }),
  );
}

/** Repeats the corpus with ids `<id>~2`, `<id>~3`, … until it has `size` documents. */
export function blowUp<T extends { id: string }>(docs: T[], size: number): T[] {
  const out: T[] = [];
  for (let copy = 1; out.length < size; copy++) {
    for (const doc of docs) {
      if (out.length >= size) break;
      out.push(copy === 1 ? doc : { ...doc, id: `${doc.id}~${copy}` });
    }
  }
  return out;
}

/** `<id>~k` (a blown-up copy) → `<id>`. */
export function baseId(id: string): string {
  return id.replace(/~\d+$/, '');
}

/** How many copies of each item a blown-up corpus holds (1 for a plain corpus). */
export function copiesPerItem(docs: readonly { id: string }[]): number {
  return Math.max(1, Math.ceil(docs.length / new Set(docs.map((d) => baseId(d.id))).size));
}

/**
 * Hit ids with copies folded into their item, first occurrence kept: a copy of the expected item
 * counts as a hit, and each item is counted once.
 */
export function foldCopies(ids: readonly string[]): string[] {
  return [...new Set(ids.map(baseId))];
}

/** recall@1, recall@5 and MRR@10 from each query's 0-based rank of its first expected hit (-1: none). */
export function quality(ranks: number[]) {
  const n = Math.max(1, ranks.length);
  const at = (k: number) => round(ranks.filter((r) => r >= 0 && r < k).length / n, 4);
  const mrr = ranks.reduce((sum, r) => sum + (r >= 0 && r < 10 ? 1 / (r + 1) : 0), 0) / n;
  return { recall1: at(1), recall5: at(5), mrr10: round(mrr, 4) };
}

/** Nearest-rank percentile, rounded to µs for millisecond inputs. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, at)] ?? 0, 3);
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
