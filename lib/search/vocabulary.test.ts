import { describe, expect, it } from 'vitest';
import { buildIndex } from './index';
import { parseQuery } from './query';
import { parseVocabulary, QueryVocabulary } from './vocabulary';

const TEXT = `
# comment lines are skipped
merge: combine, put together
disable: turn off, switch off
start open: won't open,
  doesn't start
`;
const weights = { weight: 0.4, title: 0.6, meaning: 0.5 };
const index = buildIndex(
  [
    'merge records',
    'disable alerts',
    'start the app',
    'open a file',
    'combine cells',
    'turn pages',
  ].map((title, i) => ({ id: `d${i}`, title })),
  { semantic: false },
).index;
const idOf = (term: string) => index.termIds.get(term)!;

/** Each query word's variants as `term weight`, after the vocabulary's expansion. */
function expand(query: string) {
  const words = parseQuery(query);
  const perWord = words.map((w) => [{ id: idOf(w.term), weight: 1 }]);
  const { loose, added } = new QueryVocabulary(TEXT, weights).expand(query, words, perWord, index);
  const show = (list: { id: number; weight: number }[]) =>
    list.map((v) => `${index.terms[v.id]} ${v.weight}`);
  return { words, perWord: perWord.map(show), loose: loose.map(show), added: show(added) };
}

describe('parseVocabulary', () => {
  it('reads one concept per line, a line starting with spaces continuing the one above', () => {
    const concepts = parseVocabulary(TEXT);
    expect(concepts.map((c) => c.heads)).toEqual([['merge'], ['disable'], ['start', 'open']]);
    expect(concepts[2]!.phrases.map((p) => p.stems)).toEqual([
      ['wont', 'open'],
      ['doesnt', 'start'],
    ]);
    expect(concepts[0]!.words.has('combine')).toBe(true);
    expect(concepts[0]!.words.has('merg')).toBe(true);
  });
});

describe('QueryVocabulary', () => {
  it('adds the documentation word as a discounted variant of the everyday word typed', () => {
    const { perWord, words } = expand('combine records');
    expect(perWord[0]).toEqual(['combin 1', 'merg 0.4']);
    expect(perWord[1]).toEqual(['record 1']);
    expect(words[0]!.related).toEqual({ terms: ['merg'], weight: 0.6 });
    expect(words[1]!.related).toBeUndefined();
  });

  it('does not add a documentation word the query already has', () => {
    expect(expand('combine and merge').perWord).toEqual([['combin 1'], ['merg 1']]);
  });

  it('matches a phrase by its stems and adds to the last word of it the query kept', () => {
    // "won't" is a stop word; "opens" stems to the phrase's "open".
    const { perWord, loose } = expand("the file won't opens");
    expect(perWord).toEqual([['file 1'], ['open 1', 'start 0.4']]);
    expect(loose).toEqual([]);
  });

  it('adds a phrase to a word of it the query kept, or gives it a word of its own', () => {
    // "off" is a stop word: "turn off" belongs to "turn".
    const { perWord, loose, added } = expand('turn off alerts');
    expect(perWord).toEqual([['turn 1', 'disabl 0.4'], ['alert 1']]);
    expect(loose).toEqual([]);
    expect(added).toEqual(['disabl 0.5']);
    // Nothing of "off and on" is kept as a query word.
    const stopWordsOnly = new QueryVocabulary('disable: off and on', weights);
    expect(parseQuery('off and on')).toEqual([]);
    const found = stopWordsOnly.expand('off and on', [], [], index);
    expect(found.loose.map((l) => l.map((v) => `${index.terms[v.id]} ${v.weight}`))).toEqual([
      ['disabl 0.4'],
    ]);
  });
});

describe('search with the software vocabulary', () => {
  const docs = [
    { id: 'merge', title: 'Merge records' },
    { id: 'combine', title: 'Combine records' },
    { id: 'report', title: 'Records report' },
  ];
  const ids = (query: string, vocabulary: boolean) =>
    buildIndex(docs, { vocabulary, semantic: false })
      .search(query)
      .map((h) => h.id);

  it('finds an article in the documentation word, below one with the word typed', () => {
    expect(ids('combine', true)).toEqual(['combine', 'merge']);
    expect(ids('combine', false)).toEqual(['combine']);
  });

  it('expands the everyday words of the shipped vocabulary', () => {
    expect(ids('how do I join them', true)).toEqual(['merge']);
    expect(ids('how do I join them', false)).toEqual([]);
    expect(ids('how to put together', true)).toEqual(['merge']);
  });
});
