import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndex, type SearchDoc } from './index';
import {
  loadWordNeighboursWith,
  MAX_EXPANSIONS,
  NEIGHBOUR_WEIGHT,
  parseWordNeighbours,
  setWordNeighbours,
  wordNeighboursReady,
  WORD_NEIGHBOURS_FORMAT,
  type WordNeighboursFile,
} from './word-neighbours';

/** remark ↔ comment (0.72), remark ↔ speech (0.61); faulty ↔ defective (0.8). */
const file: WordNeighboursFile = {
  format: WORD_NEIGHBOURS_FORMAT,
  source: 'test',
  words: ['remark', 'comment', 'speech', 'faulty', 'defective', 'comments'],
  neighbours: [[1, 72, 5, 70, 2, 61], [0, 72], [0, 61], [4, 80], [3, 80], []],
};
const docs: SearchDoc[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ id: `filler-${i}`, title: `Filler topic ${i}` })),
  { id: 'comments', title: 'Add a comment to a record', body: 'Colleagues see the comment.' },
  { id: 'speech', title: 'Dictation and speech input' },
];

afterEach(() => setWordNeighbours(undefined));

describe('word neighbours', () => {
  it('finds an article by a general-English neighbour of a query word the corpus lacks', () => {
    const index = buildIndex(docs);
    expect(index.search('remark')).toEqual([]);
    setWordNeighbours(parseWordNeighbours(file, 'test table'));
    expect(index.search('remark').map((h) => h.id)).toEqual(['comments', 'speech']);
  });

  it('counts a neighbour less than the word itself and not at all with the feature off', () => {
    setWordNeighbours(parseWordNeighbours(file, 'test table'));
    const index = buildIndex(docs);
    const exact = index.search('comment')[0]!.score;
    const near = index.search('remark')[0]!.score;
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(exact);
    expect(buildIndex(docs, { wordVectors: false }).search('remark')).toEqual([]);
  });

  it('expands only into keys the index has, not the word itself, at most MAX_EXPANSIONS', () => {
    const table = parseWordNeighbours(file, 'test table');
    const index = buildIndex(docs).index;
    const word = { word: 'remark', term: 'remark', prefix: false };
    const found = table.of(word, index).map((v) => [index.terms[v.id], v.weight]);
    // "comments" has the key of "comment": one variant, the better cosine.
    expect(found).toEqual([
      ['comment', NEIGHBOUR_WEIGHT * 0.72],
      ['speech', NEIGHBOUR_WEIGHT * 0.61],
    ]);
    expect(table.of({ word: 'faulty', term: 'faulti', prefix: false }, index)).toEqual([]);
    expect(found.length).toBeLessThanOrEqual(MAX_EXPANSIONS);
  });

  it('rejects a table that is not one, naming where and what', () => {
    expect(() => parseWordNeighbours({ format: 'x' }, 'asset.json')).toThrow(
      /asset\.json: not a waymark-word-neighbours@1 table \(format/,
    );
    const outside = { ...file, neighbours: [[9, 50], [], [], [], [], []] };
    expect(() => parseWordNeighbours(outside, 'asset.json')).toThrow(
      'asset.json: the neighbours of "remark" are not pairs of a word number and a cosine × 100',
    );
    const odd = { ...file, neighbours: [[1], [], [], [], [], []] };
    expect(() => parseWordNeighbours(odd, 'asset.json')).toThrow('neighbours of "remark" are not');
    const short = { ...file, neighbours: [[]] };
    expect(() => parseWordNeighbours(short, 'asset.json')).toThrow('1 neighbour lists for 6 words');
  });

  it('loads a registered table once, and searches go on without one that fails', async () => {
    const load = vi.fn(() => Promise.resolve(parseWordNeighbours(file, 'test table')));
    loadWordNeighboursWith(load);
    await wordNeighboursReady();
    await wordNeighboursReady();
    expect(load).toHaveBeenCalledTimes(1);
    expect(buildIndex(docs).search('remark')[0]?.id).toBe('comments');

    setWordNeighbours(undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    loadWordNeighboursWith(() => Promise.reject(new Error('HTTP 404')));
    await wordNeighboursReady();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('without word neighbours'),
      expect.any(Error),
    );
    expect(buildIndex(docs).search('remark')).toEqual([]);
    warn.mockRestore();
  });
});
