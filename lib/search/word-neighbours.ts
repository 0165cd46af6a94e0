import { z } from 'zod';
import type { InvertedIndex } from './inverted-index';
import type { Variant, WordNeighbours } from './matcher';
import type { QueryWord } from './query';
import { keyOf } from './tokenize';

/**
 * General-English word neighbours, derived at build time from GloVe vectors
 * (scripts/word-neighbours.ts): "remark" → comment, "faulty" → defective. They bridge words the
 * organisation's corpus never connects itself (docs/adr/0003-search.md, amendment 4).
 */
export const WORD_NEIGHBOURS_FORMAT = 'waymark-word-neighbours@1';
/** Where the extension ships the table (public asset added by wxt.config.ts). */
export const WORD_NEIGHBOURS_ASSET = 'search/word-neighbours.json';

/** A neighbour counts at most this share of an exact hit (× its cosine). */
export const NEIGHBOUR_WEIGHT = 0.3;
/** Neighbours matched per query word, the closest ones the index has. */
export const MAX_EXPANSIONS = 5;
/** Shorter words are abbreviations whose vectors are ambiguous ("pc", "os"). */
const MIN_WORD_LENGTH = 3;

const fileSchema = z.object({
  format: z.literal(WORD_NEIGHBOURS_FORMAT),
  source: z.string(),
  words: z.array(z.string().min(1)).max(65_535),
  /** Per word: flat [index into words, cosine × 100, …], closest first (checked in `pack`). */
  neighbours: z.array(z.array(z.unknown())),
});
export type WordNeighboursFile = Omit<z.infer<typeof fileSchema>, 'neighbours'> & {
  neighbours: number[][];
};

/**
 * The table in memory, packed (≈ 0.5 MB for 20k words instead of ≈ 11 MB of arrays): per word
 * its neighbours' word numbers and cosines; their index keys are worked out per query word on
 * first use and remembered.
 */
export class WordNeighbourTable implements WordNeighbours {
  private readonly rows = new Map<string, number>();
  private readonly keys = new Map<string, { keys: string[]; sims: number[] }>();

  /** @internal use `parseWordNeighbours`. */
  constructor(
    private readonly words: readonly string[],
    /** Word w's neighbours are at [starts[w], starts[w + 1]) of `ids` and `sims`. */
    private readonly starts: Uint32Array,
    private readonly ids: Uint16Array,
    private readonly sims: Uint8Array,
  ) {
    words.forEach((word, w) => {
      if (starts[w + 1]! > starts[w]!) this.rows.set(word, w);
    });
  }

  /** Words that have neighbours. */
  get size(): number {
    return this.rows.size;
  }

  /** The closest neighbours of `word` that `index` has, other than the word's own key. */
  of(word: QueryWord, index: InvertedIndex): Variant[] {
    const near = word.word.length < MIN_WORD_LENGTH ? undefined : this.keysOf(word.word);
    if (near === undefined) return [];
    const out: Variant[] = [];
    for (let i = 0; i < near.keys.length && out.length < MAX_EXPANSIONS; i++) {
      const key = near.keys[i]!;
      const id = index.termIds.get(key);
      if (id === undefined || key === word.term || index.df(id) === 0) continue;
      out.push({ id, weight: NEIGHBOUR_WEIGHT * near.sims[i]! });
    }
    return out;
  }

  /** The distinct index keys of a word's neighbours, best first (a plural joins its singular). */
  private keysOf(text: string): { keys: string[]; sims: number[] } | undefined {
    const known = this.keys.get(text);
    if (known !== undefined) return known;
    const w = this.rows.get(text);
    if (w === undefined) return undefined;
    const found = { keys: [] as string[], sims: [] as number[] };
    for (let i = this.starts[w]!; i < this.starts[w + 1]!; i++) {
      const key = keyOf(this.words[this.ids[i]!]!);
      if (key === undefined || found.keys.includes(key)) continue;
      found.keys.push(key);
      found.sims.push(this.sims[i]! / 100);
    }
    if (this.keys.size >= KNOWN_WORDS) this.keys.clear();
    this.keys.set(text, found);
    return found;
  }
}

/** Query words whose neighbours' keys are remembered. */
const KNOWN_WORDS = 4096;

/** Parses a table file; throws naming what is wrong and where. */
export function parseWordNeighbours(json: unknown, where: string): WordNeighbourTable {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.') || 'root';
    throw new Error(`${where}: not a ${WORD_NEIGHBOURS_FORMAT} table (${path}: ${issue.message})`);
  }
  const { words, neighbours } = parsed.data;
  if (neighbours.length !== words.length)
    throw new Error(`${where}: ${neighbours.length} neighbour lists for ${words.length} words`);
  return pack(words, neighbours, where);
}

/** Checks every list (pairs of a word number and a cosine × 100) while packing it. */
function pack(words: string[], lists: unknown[][], where: string): WordNeighbourTable {
  const starts = new Uint32Array(words.length + 1);
  lists.forEach((list, w) => (starts[w + 1] = starts[w]! + Math.floor(list.length / 2)));
  const ids = new Uint16Array(starts[words.length]!);
  const sims = new Uint8Array(ids.length);
  lists.forEach((list, w) => {
    const ok = (v: unknown, max: number) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) < max;
    for (let j = 0, at = starts[w]!; j < list.length; j += 2, at++) {
      if (!ok(list[j], words.length) || !ok(list[j + 1], 101))
        throw new Error(
          `${where}: the neighbours of "${words[w]}" are not pairs of a word number and a cosine × 100`,
        );
      ids[at] = list[j] as number;
      sims[at] = list[j + 1] as number;
    }
  });
  return new WordNeighbourTable(words, starts, ids, sims);
}

/**
 * The table every index of this process uses: it is the same English for every corpus, loaded
 * once (a service worker fetches it at start, Node reads it from build/), and indexes are made
 * in several places (cache, sync follower, loads) that need not each carry it.
 */
let shared: WordNeighbours | undefined;
let loader: (() => Promise<WordNeighbours>) | undefined;
let loading: Promise<void> | undefined;

export function setWordNeighbours(table: WordNeighbours | undefined): void {
  shared = table;
}

/**
 * Registers how to get the table (the service worker fetches its packaged asset); nothing is
 * fetched or parsed until the first `wordNeighboursReady()`, so a wake that never searches
 * never pays for it.
 */
export function loadWordNeighboursWith(load: () => Promise<WordNeighbours>): void {
  loader = load;
  loading = undefined;
}

/**
 * Resolves once the registered table is in use (at once when none is registered). A table that
 * fails to load is reported and searches go on without it; the next wake tries again.
 */
export function wordNeighboursReady(): Promise<void> {
  if (loader === undefined) return Promise.resolve();
  return (loading ??= loader().then(
    (table) => setWordNeighbours(table),
    (error: unknown) => console.warn('Waymark: search runs without word neighbours:', error),
  ));
}

export function sharedWordNeighbours(): WordNeighbours | undefined {
  return shared;
}
