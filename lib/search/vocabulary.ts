import type { InvertedIndex } from './inverted-index';
import type { Variant } from './matcher';
import { MAX_QUERY_CHARS, type QueryWord } from './query';
import { stem } from './stem';
import { fold, keyOf } from './tokenize';

/**
 * One line of a vocabulary (`documentation words: what people write, …`): the words knowledge is
 * written in, and the everyday words and phrases that stand for them. Used by page suggestions
 * (lib/knowledge/support-vocabulary.ts) and by search (software-vocabulary.ts, `QueryVocabulary`).
 */
export interface Concept {
  /** The documentation words as written ("duplicate merge" → duplicate, merge). */
  heads: string[];
  /** Their index keys. */
  adds: string[];
  /** Single-word triggers, folded and as index keys (so "crashes" finds "crash", and "down",
   * a stop word for search, still counts). */
  words: Set<string>;
  /** Multi-word triggers: a pattern on the folded text, the stems of all its words (stop words
   * too, for `QueryVocabulary`) and the index keys of its words. */
  phrases: { re: RegExp; stems: string[]; keys: string[] }[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const keysOf = (text: string): string[] =>
  text.split(/\s+/).flatMap((word) => keyOf(word) ?? []);

function compile(line: string): Concept {
  const [head = '', tail = ''] = line.split(':');
  const heads = head.split(/\s+/).filter((w) => w !== '');
  const triggers = tail.split(',').map((t) => fold(t.trim()));
  const single = triggers.filter((t) => t !== '' && !/\s/.test(t));
  return {
    heads,
    adds: keysOf(head),
    words: new Set([...keysOf(head), ...single, ...single.flatMap(keysOf)]),
    phrases: triggers
      .filter((t) => /\s/.test(t))
      .map((t) => ({
        re: new RegExp(
          `(?<![\\p{L}\\p{N}])${escape(t).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
          'u',
        ),
        stems: stemsOf(t),
        keys: keysOf(t),
      })),
  };
}

/** One concept per line; a line starting with spaces continues the one above; `#` starts a comment line. */
export function parseVocabulary(text: string): Concept[] {
  return text
    .trim()
    .replace(/\n\s+/g, ' ')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map(compile);
}

/** Every word of `text`, folded and stemmed, stop words kept ("popping up" → pop, up). */
const stemsOf = (text: string): string[] => (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);

/** The words of `text` a concept's single-word triggers are looked up by: folded and as keys. */
export function wordsOf(text: string, keys: readonly string[]): Set<string> {
  return new Set([...keys, ...(fold(text).match(/[\p{L}\p{N}]+/gu) ?? [])]);
}

/**
 * Query-side expansion by a vocabulary (software-vocabulary.ts): a query word that is an everyday
 * word of a concept also matches the concept's documentation words, each worth `weight` of an
 * exact hit, as variants of that word (a document counts a word's best variant once, so an
 * article saying "merge" never outranks one saying the "combine" typed for that word alone). A
 * phrase ("won't open") is a variant of its last word the query kept, or a word of its own when
 * the query kept none of them ("turn off" is two stop words).
 */
export interface VocabularyWeights {
  /** What a documentation word counts of an exact hit in BM25F. */
  weight: number;
  /** What a title saying it counts in the title re-rank (rerank.ts); 0: not there. */
  title: number;
  /** Its weight in the query's vector for the semantic re-rank (semantic/); 0: not there. */
  meaning: number;
}

export class QueryVocabulary {
  private readonly byWord = new Map<string, Concept[]>();
  private readonly byFirstWord = new Map<
    string,
    { concept: Concept; phrase: Concept['phrases'][number] }[]
  >();

  constructor(
    text: string,
    readonly weights: VocabularyWeights,
  ) {
    for (const concept of parseVocabulary(text)) {
      for (const word of concept.words) push(this.byWord, word, concept);
      for (const phrase of concept.phrases)
        push(this.byFirstWord, phrase.stems[0] ?? '', { concept, phrase });
    }
  }

  /**
   * Adds the documentation words `query` calls for to `perWord` (the variants of each of
   * `words`, in place) and to each word's `related`; returns the variants of phrases no query
   * word stands for, and every documentation word added (for the semantic re-rank).
   */
  expand(
    query: string,
    words: readonly QueryWord[],
    perWord: Variant[][],
    index: InvertedIndex,
  ): { loose: Variant[][]; added: Variant[] } {
    const { keys, loose } = this.keysOf(query, words);
    const { weight, title, meaning } = this.weights;
    keys.forEach((set, i) => {
      merge(perWord[i]!, set, weight, index);
      if (set.size > 0 && title > 0) words[i]!.related = { terms: [...set], weight: title };
    });
    return {
      loose: loose.map((set) => merge([], set, weight, index)),
      added: merge(
        [],
        [...keys, ...loose].flatMap((set) => [...set]),
        meaning,
        index,
      ),
    };
  }

  /**
   * The documentation keys each query word calls for, and those of phrases none of whose words
   * the query kept; never a key the query already has.
   */
  private keysOf(query: string, words: readonly QueryWord[]) {
    const own = new Set(words.map((w) => w.term));
    const keys = words.map(() => new Set<string>());
    const loose: Set<string>[] = [];
    const add = (to: Set<string>, concept: Concept) => {
      for (const key of concept.adds) if (!own.has(key)) to.add(key);
    };
    words.forEach((word, i) => {
      for (const concept of this.byWord.get(word.term) ?? []) add(keys[i]!, concept);
      for (const concept of this.byWord.get(word.word) ?? []) add(keys[i]!, concept);
    });
    // Phrases match on stems, so "popping up" and "stopped responding" find "pop up", "stop respond".
    const seq = stemsOf(query.slice(0, MAX_QUERY_CHARS));
    const seen = new Set<object>();
    seq.forEach((first, at) => {
      for (const { concept, phrase } of this.byFirstWord.get(first) ?? []) {
        if (seen.has(phrase) || !phrase.stems.every((s, k) => seq[at + k] === s)) continue;
        seen.add(phrase);
        const i = words.findLastIndex((w) => phrase.keys.includes(w.term));
        if (i < 0) loose.push(new Set());
        add(i >= 0 ? keys[i]! : loose.at(-1)!, concept);
      }
    });
    return { keys, loose: loose.filter((set) => set.size > 0) };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** `variants` with each of `keys` the index has at `weight`, unless already there at more. */
function merge(
  variants: Variant[],
  keys: Iterable<string>,
  weight: number,
  index: InvertedIndex,
): Variant[] {
  for (const key of keys) {
    const id = index.termIds.get(key);
    if (id === undefined || index.df(id) === 0) continue;
    const found = variants.find((v) => v.id === id);
    if (found === undefined) variants.push({ id, weight });
    else found.weight = Math.max(found.weight, weight);
  }
  return variants;
}
