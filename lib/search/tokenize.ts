import { stem } from './stem';
import { STOP_WORDS } from './stop-words';

/** A word of the original text: where it is, and the key it is indexed under. */
export interface Token {
  /** The folded, stemmed index key. */
  term: string;
  /** The folded word before stemming (for prefix matching as you type). */
  word: string;
  start: number;
  end: number;
}

/**
 * Words: dotted numbers ("5.6.0") stay whole; otherwise runs of letters, digits and combining marks,
 * with inner apostrophes ("we're", "can't") kept inside the word and removed by folding.
 */
const WORD = /\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const MARKS = /[\p{M}'’]/gu;
/** Longer "words" are identifiers, hashes or base64 noise: not worth a vocabulary slot. */
export const MAX_WORD_LENGTH = 32;

/** Lower case, diacritics removed (é → e, ß stays), apostrophes dropped. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // eslint-disable-next-line no-control-regex -- fast path: pure ASCII needs no Unicode decomposition
  return /^[\x00-\x7f]*$/.test(lower)
    ? lower.replace(MARKS, '')
    : lower.normalize('NFKD').replace(MARKS, '');
}

/**
 * Raw word → index key ('' for a dropped word), remembered: a corpus repeats the same few tens
 * of thousands of words millions of times, and folding and stemming each occurrence was most of
 * an index build. Bounded: emptied when it grows past KEY_CACHE_SIZE.
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 200_000;

/** Index keys of `text` in order, stop words and over-long words dropped. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    let key = keyCache.get(raw);
    if (key === undefined) {
      if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
      keyCache.set(raw, (key = keyOf(raw) ?? ''));
    }
    if (key !== '') out.push(key);
  }
  return out;
}

/** Tokens of `text` with their offsets (for highlighting); stop words dropped. */
export function tokens(text: string, limit = Infinity): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    if (out.length >= limit) break;
    const word = fold(match[0]);
    if (word.length > MAX_WORD_LENGTH || word === '' || STOP_WORDS.has(word)) continue;
    out.push({ term: stem(word), word, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** The index key of one raw word, or undefined for a stop word or an over-long word. */
export function keyOf(raw: string): string | undefined {
  const word = fold(raw);
  if (word.length > MAX_WORD_LENGTH || word === '' || STOP_WORDS.has(word)) return undefined;
  return stem(word);
}
