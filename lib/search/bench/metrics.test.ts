import { describe, expect, it } from 'vitest';
import { blowUp, copiesPerItem, foldCopies, percentile, quality } from './metrics';

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
