import { describe, expect, it } from 'vitest';
import {
  blowUp,
  copiesPerItem,
  foldCopies,
  percentile,
  quality,
  qualityBy,
  splitOf,
  toDoc,
  toQuery,
} from './metrics';

describe('blowUp', () => {
  it('repeats the corpus with suffixed ids until it has the size asked for', () => {
    const ids = blowUp([{ id: 'a' }, { id: 'b' }], 5).map((d) => d.id);
    expect(ids).toEqual(['a', 'b', 'a~2', 'b~2', 'a~3']);
  });
});

describe('baseId, through foldCopies', () => {
  it('folds only a trailing ~<number> of any length, not one inside an id', () => {
    expect(foldCopies(['a~12', 'tax~2024-rules'])).toEqual(['a', 'tax~2024-rules']);
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
  it('sorts the values first and clamps a percentile above 100 to the largest value', () => {
    expect(percentile([30, 10, 20], 50)).toBe(20);
    expect(percentile([30, 10, 20], 100)).toBe(30);
    expect(percentile([30, 10, 20], 150)).toBe(30);
  });

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

  it.each([
    ['null', null, 'needs a string query'],
    ['a string', 'reset password', 'needs a string query'],
    ['a line without a query', { expected: 'a' }, 'needs a string query'],
    ['a numeric query', { query: 7, expected: 'a' }, 'needs a string query'],
    ['no expected ids', { query: 'x' }, 'needs expected: an id or a list of ids'],
    [
      'an expected list with a number',
      { query: 'x', expected: ['a', 2] },
      'needs expected: an id or a list of ids',
    ],
  ])('returns why for %s', (_, line, why) => {
    expect(toQuery(line)).toBe(why);
  });

  it('leaves out the kind and the id when the line has neither', () => {
    expect(toQuery({ query: 'x', expected: 'a' })).toStrictEqual({ query: 'x', expected: ['a'] });
  });

  it('returns why when also is not a list of ids', () => {
    expect(toQuery({ query: 'x', expected: 'a', also: 'b' })).toBe('also must be a list of ids');
  });
});

describe('toDoc', () => {
  it('reads a corpus line, taking intro before summary and keeping only string tags', () => {
    const line = { id: 'a', title: 'T', intro: 'I', summary: 'S', tags: ['x', 3], body: 'B' };
    expect(toDoc(line)).toEqual({ id: 'a', title: 'T', summary: 'I', tags: ['x'], body: 'B' });
    expect(toDoc({ id: 'b', title: 'U', summary: 'S' })).toEqual({
      id: 'b',
      title: 'U',
      summary: 'S',
      tags: [],
      body: '',
    });
    expect(toDoc({ id: 'c', title: 'V', summary: 4, tags: 'x', body: 5 })).toEqual({
      id: 'c',
      title: 'V',
      summary: '',
      tags: [],
      body: '',
    });
  });

  it.each([
    ['null', null, 'not an object'],
    ['a string', 'a', 'not an object'],
    ['a line without a title', { id: 'a' }, 'needs string id and title'],
    ['a line without an id', { title: 'T' }, 'needs string id and title'],
  ])('returns why for %s', (_, line, why) => {
    expect(toDoc(line)).toBe(why);
  });
});

describe('splitOf and qualityBy', () => {
  it('splits by the FNV-1a hash of the id (or the query), so the halves never move', () => {
    // Hashes worked out apart from the code: q1 2622263703 (odd), q2 2639041322 (even), …
    const split = (id: string | undefined, query: string) =>
      splitOf({ ...(id === undefined ? {} : { id }), query, expected: [] });
    expect(['q1', 'q2', 'q3', 'q4'].map((id) => split(id, 'same text'))).toEqual([
      'held-out',
      'tune',
      'held-out',
      'tune',
    ]);
    expect(split(undefined, 'reset password')).toBe('held-out');
  });

  it('scores each group on its own queries only', () => {
    const queries = ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, query: id, expected: [] }));
    expect(qualityBy(queries, [0, -1, 1, -1], splitOf)).toEqual({
      'held-out': { recall1: 0.5, recall5: 1, mrr10: 0.75, queries: 2 },
      tune: { recall1: 0, recall5: 0, mrr10: 0, queries: 2 },
    });
  });

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
