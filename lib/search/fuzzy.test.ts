import { describe, expect, it } from 'vitest';
import { boundedDistance } from './edit-distance';
import { FuzzyVocabulary, maxEdits } from './fuzzy';

describe('boundedDistance', () => {
  it('returns 1 for one insertion, deletion, substitution or swap', () => {
    expect(boundedDistance('trouble', 'truble', 2)).toBe(1);
    expect(boundedDistance('alpproval', 'approval', 2)).toBe(1);
    expect(boundedDistance('paymevt', 'payment', 2)).toBe(1);
    expect(boundedDistance('manadtory', 'mandatory', 2)).toBe(1);
  });

  it('returns max + 1 when the words are further apart than max', () => {
    expect(boundedDistance('machine', 'mqachkine', 1)).toBe(2);
    expect(boundedDistance('outlook', 'sharepoint', 2)).toBe(3);
  });

  it('gives the same distances in any call order (its rows are reused and grown)', () => {
    const long = 'a'.repeat(70);
    expect(boundedDistance(long, `${long}b`, 2)).toBe(1);
    expect(boundedDistance('ab', 'ba', 1)).toBe(1);
    expect(boundedDistance('trouble', 'truble', 2)).toBe(1);
  });
});

describe('maxEdits', () => {
  it('returns 0 below 4 letters, 1 up to 7 and 2 from 8', () => {
    expect([3, 4, 7, 8, 12].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('FuzzyVocabulary', () => {
  const terms = ['machine', 'trouble', 'ruble', 'mandatory', 'public', '8306'];
  const vocabulary = new FuzzyVocabulary();
  vocabulary.update(terms);
  const found = (word: string) =>
    [...vocabulary.lookup(word, terms)].map(([id, d]) => [terms[id], d]);

  it('returns terms one edit away when the word has 4 to 7 letters', () => {
    expect(found('trubl')).toEqual([]); // 5 letters, but two edits from "trouble"
    expect(found('publc')).toEqual([['public', 1]]);
  });

  it('returns terms two edits away when the word has 8 letters or more', () => {
    expect(found('mqachkine')).toEqual([['machine', 2]]);
    expect(found('manadtory')).toEqual([['mandatory', 1]]);
  });

  it('returns nothing for numbers and words under 4 letters', () => {
    expect(found('8307')).toEqual([]);
    expect(found('rub')).toEqual([]);
  });
});
