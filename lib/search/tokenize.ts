import { LANGUAGE_RULES, type SearchLang } from './languages';

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
 * Raw word → [folded word, index key], or undefined for a dropped word, remembered per language:
 * a corpus repeats the same few tens of thousands of words millions of times, and folding and
 * stemming each occurrence was most of an index build (and of highlighting). Bounded: emptied
 * when it grows past WORD_CACHE_SIZE.
 */
type Analysed = readonly [string, string] | undefined;
const WORD_CACHE_SIZE = 200_000;
const caches = new Map<SearchLang, Map<string, Analysed>>();

function cacheOf(lang: SearchLang): Map<string, Analysed> {
  let cache = caches.get(lang);
  if (cache === undefined) caches.set(lang, (cache = new Map<string, Analysed>()));
  return cache;
}

function analyse(raw: string, lang: SearchLang): Analysed {
  const wordCache = cacheOf(lang);
  const cached = wordCache.get(raw);
  if (cached !== undefined || wordCache.has(raw)) return cached;
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  const rules = LANGUAGE_RULES[lang];
  let word = fold(rules.before === undefined ? raw : rules.before(raw));
  if (rules.normalise !== undefined) word = rules.normalise(word);
  const kept =
    word.length > MAX_WORD_LENGTH || word === '' || rules.stopWords.has(word)
      ? undefined
      : ([word, rules.stem(word)] as const);
  wordCache.set(raw, kept);
  return kept;
}

/** Index keys of `text` in order, stop words and over-long words dropped. */
export function terms(text: string, lang: SearchLang = 'en'): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const kept = analyse(match[0], lang);
    if (kept !== undefined) out.push(kept[1]);
  }
  return out;
}

/** Tokens of `text` with their offsets (for highlighting); stop words dropped. */
export function tokens(text: string, limit = Infinity, lang: SearchLang = 'en'): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    if (out.length >= limit) break;
    const kept = analyse(match[0], lang);
    if (kept === undefined) continue;
    const [word, term] = kept;
    out.push({ term, word, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/**
 * Index terms to find in a text, with the first two letters of each: a word's key keeps its
 * first two letters (folding only lowers an ASCII word; stem.ts only strips and rewrites
 * suffixes of words longer than three letters), so an ASCII word whose first two letters start
 * no wanted term is skipped without folding or stemming it. Highlighting ten hits' titles,
 * summaries and excerpts was a third of a search before.
 */
export class WantedTerms {
  readonly heads = new Set<string>();

  constructor(readonly terms: ReadonlySet<string>) {
    for (const term of terms) this.heads.add(term.slice(0, 2));
  }

  /** False when `raw` certainly has none of the terms as its key. */
  mayMatch(raw: string): boolean {
    const a = raw.charCodeAt(0);
    const b = raw.length > 1 ? raw.charCodeAt(1) : 0;
    // Non-ASCII letters fold to other letters, and an apostrophe is dropped: no shortcut then.
    if (a >= 128 || b >= 128 || b === 39) return true;
    return this.heads.has(raw.slice(0, 2).toLowerCase());
  }
}

/** The tokens of `text` whose key is one of `wanted`'s terms, with their offsets. */
export function tokensOf(text: string, wanted: WantedTerms, lang: SearchLang = 'en'): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    if (!wanted.mayMatch(raw)) continue;
    const kept = analyse(raw, lang);
    if (kept === undefined || !wanted.terms.has(kept[1])) continue;
    out.push({ term: kept[1], word: kept[0], start: match.index, end: match.index + raw.length });
  }
  return out;
}

/** The index key of one raw word, or undefined for a stop word or an over-long word. */
export function keyOf(raw: string, lang: SearchLang = 'en'): string | undefined {
  return analyse(raw, lang)?.[1];
}
