import { describe, expect, it } from 'vitest';
import {
  blowUp,
  copiesPerItem,
  foldCopies,
  percentile,
  quality,
  qualityBy,
  splitOf,
  toQuery,
} from './metrics';

describe('blowUp', () => {
  it('repeats the corpus with suffixed ids until it has the size asked for', () => {
    const ids = blowUp([{ id: 'a' }, { id: 'b' }], 5).map((d) => d.id);
    expect(ids).toEqual(['a', 'b', 'a~2', 'b~2', 'a~3']);
  });
});

describe('copiesPerItem', () => {
  it('returns how many copies of each item a blown-up corpus holds', () => {
    expect(copiesPerItem(blowUp([{ id: 'a' }, { id: 'b' }], 6))).toBe(3);
    expect(copiesPerItem([{ id: 'a' }])).toBe(1);
  });
});

describe('foldCopies', () => {
  it('maps copies to their item and keeps each item once, in first-seen order', () => {
    expect(foldCopies(['b~2', 'a', 'b', 'a~3', 'c~2'])).toEqual(['b', 'a', 'c']);
  });
});

describe('quality', () => {
  it('computes recall@1, recall@5 and MRR@10 from ranks', () => {
    expect(quality([0, 1, 5, -1])).toEqual({ recall1: 0.25, recall5: 0.5, mrr10: 0.4167 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([
      50, 95, 99,
    ]);
  });
});

describe('toQuery', () => {
  it('returns expected plus also ids as right answers and the style as the kind', () => {
    const line = { qid: 'q1', style: 'error', query: 'x', expected: 'a', also: ['b', 'a'] };
    expect(toQuery(line)).toEqual({ query: 'x', expected: ['a', 'b'], type: 'error', id: 'q1' });
    expect(toQuery({ query: 'x', expected: ['a'], type: 'typo' })).toEqual({
      query: 'x',
      expected: ['a'],
      type: 'typo',
    });
  });

  it('returns why when also is not a list of ids', () => {
    expect(toQuery({ query: 'x', expected: 'a', also: 'b' })).toBe('also must be a list of ids');
  });
});

describe('splitOf and qualityBy', () => {
  it('puts a query in the same half every time and scores each half apart', () => {
    const queries = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => ({
      id,
      query: id,
      expected: [],
    }));
    const halves = queries.map(splitOf);
    expect(queries.map(splitOf)).toEqual(halves);
    expect(new Set(halves)).toEqual(new Set(['tune', 'held-out']));
    const by = qualityBy(queries, [0, -1, 0, -1, 0, -1], splitOf);
    expect(Object.values(by).reduce((n, q) => n + q.queries, 0)).toBe(6);
  });
});
