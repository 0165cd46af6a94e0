import type { InvertedIndex } from '../inverted-index';
import type { QueryWord } from '../query';
import { keyOf } from '../tokenize';
import type { SearchLang } from '.';

/** Neither part of a split compound may be shorter than this ("Ein|gang" is not a split). */
const MIN_PART = 4;

/**
 * German writes compounds as one word ("Druckerwarteschlange") where an article may say
 * "Warteschlange des Druckers". A German query word the index does not have is split into two
 * parts the index does have (a linking "s" or "n" dropped from the first), preferring the most
 * even split; each part is then scored as a word of its own. Learned from nothing but the
 * organisation's vocabulary, so no dictionary is shipped.
 */
export function splitCompounds(
  words: QueryWord[],
  index: InvertedIndex,
  lang: SearchLang | undefined,
): QueryWord[] {
  if (lang !== 'de') return words;
  const known = (raw: string) => {
    const key = keyOf(raw, 'de');
    const id = key === undefined ? undefined : index.termIds.get(key);
    return id !== undefined && index.df(id) > 0 ? key : undefined;
  };
  return words.flatMap((word) => {
    if (word.word.length < MIN_PART * 2 || known(word.word) !== undefined) return [word];
    const parts = bestSplit(word.word, known);
    if (parts === undefined) return [word];
    const [head, tail] = parts;
    return [
      { word: head.word, term: head.term, prefix: false },
      { word: tail.word, term: tail.term, prefix: word.prefix },
    ];
  });
}

type Part = { word: string; term: string };

function bestSplit(
  word: string,
  known: (raw: string) => string | undefined,
): [Part, Part] | undefined {
  let best: [Part, Part] | undefined;
  let balance = 0;
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const tail = word.slice(at);
    const tailTerm = known(tail);
    if (tailTerm === undefined) continue;
    const head = word.slice(0, at);
    const heads = /[sn]$/.test(head) && head.length > MIN_PART ? [head, head.slice(0, -1)] : [head];
    for (const h of heads) {
      const headTerm = known(h);
      const even = Math.min(h.length, tail.length);
      if (headTerm === undefined || even <= balance) continue;
      best = [
        { word: h, term: headTerm },
        { word: tail, term: tailTerm },
      ];
      balance = even;
    }
  }
  return best;
}
