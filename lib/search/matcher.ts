import { idf } from './fields';
import { maxEdits, type FuzzyVocabulary } from './fuzzy';
import type { InvertedIndex } from './inverted-index';
import type { PrefixLookup } from './prefix';
import type { QueryWord } from './query';
import type { Heads } from './associations';
import type { SearchFeatures } from './features';
import { compare } from './top-k';

/** One index term a query word is matched against, with how much a hit on it counts. */
export interface Variant {
  id: number;
  weight: number;
}

/** A typo candidate counts this much per edit away (1 edit: 0.5, 2 edits: 0.3 of an exact hit). */
const FUZZY_WEIGHT = [1, 0.5, 0.3] as const;
/** A completion of the word being typed counts this much. */
const PREFIX_WEIGHT = 0.6;
const MAX_FUZZY = 8;
const MAX_PREFIX = 12;
/** An unknown word this long or longer is also completed as a prefix (a shortened word). */
const MIN_TRUNCATED = 4;
/**
 * A word found in at least this share of documents (and at least twice) is taken as typed
 * correctly: no typo candidates, which would only add noise and time.
 */
const KNOWN_WORD_SHARE = 0.0005;

export interface MatchContext {
  features: SearchFeatures;
  index: InvertedIndex;
  heads: Heads;
  fuzzy: FuzzyVocabulary;
  prefix: PrefixLookup;
  /** Outside words a query word also matches (none in the product; see `WordNeighbours`). */
  neighbours?: WordNeighbours;
}

/**
 * Index terms close in meaning to a query word, each with a weight in (0, 1): an expansion from
 * outside the corpus. The product sets none; bench/word-neighbours-grid.ts measures general-
 * English word vectors through it (not taken: docs/adr/0003-search.md, amendment 4).
 */
export interface WordNeighbours {
  of(word: QueryWord, index: InvertedIndex): Variant[];
}

/** The terms a query word matches: itself, its typo neighbours, and completions if being typed. */
export function variantsOf(word: QueryWord, ctx: MatchContext): Variant[] {
  const { index, features } = ctx;
  const variants = new Map<number, number>();
  const exact = index.termIds.get(word.term);
  const exactDf = exact === undefined ? 0 : index.df(exact);
  if (exact !== undefined && exactDf > 0) variants.set(exact, 1);
  // The same word read in the query's other languages (an English item for a German user).
  for (const alt of word.alts ?? []) {
    const id = index.termIds.get(alt);
    if (id !== undefined && index.df(id) > 0) variants.set(id, 1);
  }
  const known = exactDf >= Math.max(2, index.liveCount * KNOWN_WORD_SHARE);
  if (features.typos && !known && maxEdits(word.word.length) > 0) {
    const near = [...ctx.fuzzy.lookup(word.term, index.terms)]
      .filter(([id]) => index.df(id) > 0)
      .sort(
        ([a, da], [b, db]) =>
          da - db || index.df(b) - index.df(a) || compare(index.terms[a]!, index.terms[b]!),
      )
      .slice(0, MAX_FUZZY);
    // Like a spelling corrector, trust frequent words more: "truble" is "trouble", not "ruble".
    const top = Math.log1p(Math.max(0, ...near.map(([id]) => index.df(id))));
    for (const [id, d] of near) {
      const likelihood = top > 0 ? Math.log1p(index.df(id)) / top : 1;
      keepBest(variants, id, (FUZZY_WEIGHT[d] ?? 0) * likelihood);
    }
  }
  // A word the corpus does not have may be cut short ("autonum", "config"): complete it too.
  const truncated = features.completion && exactDf === 0 && word.word.length >= MIN_TRUNCATED;
  if ((features.prefix && word.prefix) || truncated) {
    const df = (id: number) => index.df(id);
    // A completion counts less the more it adds: "add" → "address" is a weak guess.
    for (const id of ctx.prefix.lookup(word.word, index.terms, df, MAX_PREFIX))
      keepBest(
        variants,
        id,
        PREFIX_WEIGHT * Math.min(1, word.word.length / index.terms[id]!.length),
      );
    // The typed prefix of a word whose stem is shorter ("sharin" → "shar"): try its own prefixes.
    for (let n = word.word.length - 1; n >= Math.max(3, word.word.length - 3); n--) {
      const id = index.termIds.get(word.word.slice(0, n));
      if (id !== undefined && index.df(id) > 0) keepBest(variants, id, PREFIX_WEIGHT);
    }
  }
  if (features.associations && exact !== undefined)
    for (const { id, weight } of ctx.heads.associated(exact)) keepBest(variants, id, weight);
  if (ctx.neighbours !== undefined)
    for (const { id, weight } of ctx.neighbours.of(word, index)) keepBest(variants, id, weight);
  return [...variants].map(([id, weight]) => ({ id, weight }));
}

/** The words worth scoring when a query has too many: the rarest (highest IDF) ones. */
export function rarest(words: QueryWord[], ctx: MatchContext, keep: number): QueryWord[] {
  if (words.length <= keep) return words;
  const { index } = ctx;
  const weightOf = (w: QueryWord) => {
    const id = index.termIds.get(w.term);
    const df = id === undefined ? 0 : index.df(id);
    // Unknown words may be typos of rare words: rank them as rare, but after known rare words.
    return df === 0 ? idf(index.liveCount, 1) * 0.9 : idf(index.liveCount, df);
  };
  const chosen = new Set([...words].sort((a, b) => weightOf(b) - weightOf(a)).slice(0, keep));
  return words.filter((w) => chosen.has(w));
}

function keepBest(variants: Map<number, number>, id: number, weight: number): void {
  if ((variants.get(id) ?? 0) < weight) variants.set(id, weight);
}
