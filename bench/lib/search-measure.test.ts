import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '@/lib/search';
import { measure } from './search-measure';
import type { Engine } from './search-engines';

/**
 * The metric wiring (rank of the first right hit → recall@1, recall@5, MRR@10) on a fixture where
 * rank matters: an engine that answers each query with a fixed list, so every figure below is
 * worked out by hand from the lists, not by the code under test.
 */
const doc = (id: string): SearchDoc => ({ id, title: id, summary: '', tags: [], body: '' });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);
const DOCS = [...ids(12), 'd4~2'].map(doc);

const ANSWERS: Record<string, string[]> = {
  first: ['d0', 'd1', 'd2'], // expected d0 → rank 0
  second: ['d5', 'd1', 'd0'], // expected d1 → rank 1
  'either of two': ['d7', 'd8', 'd3', 'd9'], // expected d9, also d3 → rank 2
  sixth: ids(6), // expected d5 → rank 5: outside @5, inside MRR@10
  eleventh: ids(11), // expected d10 → rank 10: outside MRR@10
  missing: ids(3), // expected zz → no hit
  'after a copy': ['d4~2', 'd4', 'd2'], // the copy folds into d4: expected d2 → rank 1, not 2
};
const QUERIES = [
  { query: 'first', expected: ['d0'] },
  { query: 'second', expected: ['d1'] },
  { query: 'either of two', expected: ['d9', 'd3'] },
  { query: 'sixth', expected: ['d5'] },
  { query: 'eleventh', expected: ['d10'] },
  { query: 'missing', expected: ['zz'] },
  { query: 'after a copy', expected: ['d2'] },
];

const fixed: Engine = {
  name: 'fixed lists',
  options: '',
  build: () => ({
    search: (query, limit) => (ANSWERS[query] ?? []).slice(0, limit),
    serialize: () => '{}',
  }),
};

describe('measure', () => {
  it('ranks each query by its first right hit, folding copies, and scores the ranks', () => {
    const result = measure(fixed, 'test', DOCS, { all: QUERIES }).sets.all!;
    expect(result.ranks).toEqual({
      first: 0,
      second: 1,
      'either of two': 2,
      sixth: 5,
      eleventh: 10,
      missing: -1,
      'after a copy': 1,
    });
    expect(result.recall1).toBe(0.1429); // 1 of 7
    expect(result.recall5).toBe(0.5714); // 4 of 7 (ranks 0, 1, 2, 1)
    expect(result.mrr10).toBe(0.3571); // (1 + 1/2 + 1/3 + 1/6 + 0 + 0 + 1/2) / 7 = 2.5 / 7
  });
});
