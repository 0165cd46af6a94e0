import type { InvertedIndex } from './inverted-index';
import type { Variant } from './matcher';
import { MAX_QUERY_CHARS, type QueryWord } from './query';
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
  /** Multi-word triggers, on the folded text, each with its first word and its words' keys. */
  phrases: { re: RegExp; first: string; keys: string[] }[];
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
        first: t.match(/[\p{L}\p{N}]+/u)?.[0] ?? '',
        keys: keysOf(t),
      })),
  };
}

/** One concept per line; a line starting with spaces continues the one above. */
export function parseVocabulary(text: string): Concept[] {
  return text.trim().replace(/\n\s+/g, ' ').split('\n').map(compile);
}

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
export class QueryVocabulary {
  private readonly byWord = new Map<string, Concept[]>();
  private readonly byFirstWord = new Map<
    string,
    { concept: Concept; phrase: Concept['phrases'][number] }[]
  >();

  constructor(
    text: string,
    readonly weight: number,
  ) {
    for (const concept of parseVocabulary(text)) {
      for (const word of concept.words) push(this.byWord, word, concept);
      for (const phrase of concept.phrases)
        push(this.byFirstWord, phrase.first, { concept, phrase });
    }
  }

  /**
   * Adds the documentation words `query` calls for to `perWord` (the variants of each of
   * `words`, in place) and returns any variants of phrases no query word stands for.
   */
  expand(
    query: string,
    words: readonly QueryWord[],
    perWord: Variant[][],
    index: InvertedIndex,
  ): Variant[][] {
    const own = new Set(words.map((w) => w.term));
    const keys = words.map(() => new Set<string>());
    const add = (to: Set<string>, concept: Concept) => {
      for (const key of concept.adds) if (!own.has(key)) to.add(key);
    };
    words.forEach((word, i) => {
      for (const concept of this.byWord.get(word.term) ?? []) add(keys[i]!, concept);
      for (const concept of this.byWord.get(word.word) ?? []) add(keys[i]!, concept);
    });
    const folded = fold(query.slice(0, MAX_QUERY_CHARS));
    const loose: Set<string>[] = [];
    for (const first of new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? []))
      for (const { concept, phrase } of this.byFirstWord.get(first) ?? []) {
        if (!phrase.re.test(folded)) continue;
        const at = words.findLastIndex((w) => phrase.keys.includes(w.term));
        const to = at >= 0 ? keys[at]! : new Set<string>();
        if (at < 0) loose.push(to);
        add(to, concept);
      }
    keys.forEach((set, i) => merge(perWord[i]!, set, this.weight, index));
    return loose.filter((set) => set.size > 0).map((set) => merge([], set, this.weight, index));
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
