import { boundedDistance } from './edit-distance';
import { maxEdits } from './fuzzy';
import type { QueryWord } from './query';
import type { SearchLang } from './languages';
import { tokens } from './tokenize';

/** A title word that the query word only starts ("sync" in "synchronization") counts this much. */
const PREFIX_MATCH = 0.9;
/** Neither side of a prefix match may be shorter than this ("add" is not "address"). */
const MIN_PREFIX = 4;
/** Adjacent title words joined to meet a compound query word ("add-ins" for "addins"). */
const MAX_JOINED = 3;

/** A title's words, folded and stemmed, as the matcher compares them. */
export interface TitleWords {
  words: string[];
  terms: string[];
}

export function titleWords(title: string, lang: SearchLang = 'en'): TitleWords {
  const found = tokens(title, Infinity, lang);
  return { words: found.map((t) => t.word), terms: found.map((t) => t.term) };
}

/**
 * How well one query word is said by a title, from 0 to 1: 1 for the same word or stem, or for
 * adjacent title words that spell it ("add-ins" for "addins"); 0.9 when it starts a longer title
 * word; the shared share when a title word starts it ("grey" for "greyed"); 1 − edits/length
 * within the typo distance ("calender" for "calendar"). `memo` (one per query word, kept over
 * the candidates of one query) remembers each title word's score: titles share most words.
 */
export function wordInTitle(
  query: QueryWord,
  title: TitleWords,
  memo: Map<string, number> = new Map(),
): number {
  let best = 0;
  for (let i = 0; i < title.words.length; i++) {
    const candidate = title.words[i]!;
    const term = title.terms[i]!;
    if (
      term === query.term ||
      query.alts?.includes(term) === true ||
      joins(query.word, title.words, i)
    )
      return 1;
    let score = memo.get(candidate);
    if (score === undefined) memo.set(candidate, (score = closeness(query.word, candidate)));
    if (query.related?.terms.includes(term) === true) score = Math.max(score, query.related.weight);
    if (score === 1) return 1;
    if (score > best) best = score;
  }
  return best;
}

/** One title word's closeness to a query word, by spelling alone (see `wordInTitle`). */
function closeness(word: string, candidate: string): number {
  if (candidate === word) return 1;
  let best = 0;
  if (word.length >= MIN_PREFIX && candidate.startsWith(word)) best = PREFIX_MATCH;
  else if (candidate.length >= MIN_PREFIX && word.startsWith(candidate))
    best = candidate.length / word.length;
  const edits = maxEdits(word.length);
  if (edits > 0 && best < 1 - 1 / word.length) {
    const d = boundedDistance(word, candidate, edits);
    if (d <= edits) best = Math.max(best, 1 - d / word.length);
  }
  return best;
}

/** True when title words from `at` on, joined, spell `word` (two or three of them). */
function joins(word: string, words: readonly string[], at: number): boolean {
  if (!word.startsWith(words[at]!)) return false;
  let joined = words[at]!;
  for (let k = at + 1; k < Math.min(words.length, at + MAX_JOINED); k++) {
    joined += words[k]!;
    if (joined === word) return true;
    if (!word.startsWith(joined)) return false;
  }
  return false;
}
