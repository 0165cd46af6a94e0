/**
 * The software-support vocabulary (lib/search/software-vocabulary.ts; docs/adr/0003-search.md,
 * amendment 5), measured: recall@5 on every set (development halves, the 64 agent tune queries,
 * the 96 held-out extra ones, the titles) without it and at each point of `--grid`, from one
 * index build. `--file F` measures another vocabulary text in the same format, `--add F` the
 * shipped one with F's lines too. `--changes` lists
 * the tune-set queries whose rank it changed (the held-out sets are only ever counted).
 * `--latency`: p50 / p95 with and without, interleaved, best of 5 runs per query, all sets;
 * `--size N` blows the corpus up to N documents first (asking 10 hits per copy).
 *
 *   npx tsx bench/vocabulary-grid.ts [--grid '[{"weight":0.4,"title":0.5,"meaning":0.3}]'] [--file F | --add F] [--changes] [--latency]
 *     [--size 22475]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readJsonl } from '@/bin/commands/bench-search';
import { buildIndex } from '@/lib/search';
import {
  baseId,
  blowUp,
  copiesPerItem,
  foldCopies,
  toDoc,
  type BenchQuery,
} from '@/lib/search/bench/metrics';
import { SOFTWARE_VOCABULARY, VOCABULARY_WEIGHTS } from '@/lib/search/software-vocabulary';
import { QueryVocabulary, type VocabularyWeights } from '@/lib/search/vocabulary';
import { interleavedLatency, querySets, rankOf, recallLine, TUNE_SETS } from './lib/agent-sets';

const { values } = parseArgs({
  options: {
    /** Points of the grid: weight (BM25F), title (title re-rank), meaning (semantic re-rank); what a
     * point leaves out is as shipped (VOCABULARY_WEIGHTS). */
    grid: { type: 'string', default: '[{}]' },
    file: { type: 'string' },
    /** Lines measured on top of the shipped vocabulary (same format). */
    add: { type: 'string' },
    changes: { type: 'boolean', default: false },
    /** List the tune-set queries still outside the first five. */
    misses: { type: 'boolean', default: false },
    latency: { type: 'boolean', default: false },
    size: { type: 'string' },
  },
});
const io = { out: console.log, err: console.error };
const sets = querySets();
const corpus = readJsonl('bench/corpus/ms-help-support.jsonl.gz', toDoc, io)!;
const docs = values.size === undefined ? corpus : blowUp(corpus, Number(values.size));
const copies = copiesPerItem(docs);
const index = buildIndex(docs);
const text = [
  values.file === undefined ? SOFTWARE_VOCABULARY : readFileSync(values.file, 'utf8'),
  values.add === undefined ? '' : readFileSync(values.add, 'utf8'),
].join('\n');
const ids = (q: BenchQuery) =>
  foldCopies(index.search(q.query, { limit: 10 * copies }).map((h) => baseId(h.id)));

index.vocabulary = undefined;
const without = new Map(
  Object.values(sets)
    .flat()
    .map((q) => [q, rankOf(q, ids(q))]),
);
console.log(recallLine('without the vocabulary', sets, ids));
const grid = (JSON.parse(values.grid) as Partial<VocabularyWeights>[]).map((point) => ({
  ...VOCABULARY_WEIGHTS,
  ...point,
}));
for (const weights of grid) {
  index.vocabulary = new QueryVocabulary(text, weights);
  console.log(recallLine(JSON.stringify(weights), sets, ids));
  console.log(`  into / out of the first five: ${movedLine()}`);
  if (values.changes) changes();
  if (values.misses) misses();
}
if (values.latency) latency(new QueryVocabulary(text, grid[0]!));

/** Per set, how many queries the vocabulary moved into and out of the first five (counts only). */
function movedLine(): string {
  return Object.entries(sets)
    .map(([name, queries]) => {
      let gained = 0;
      let lost = 0;
      for (const q of queries) {
        const before = without.get(q)! < 5;
        const after = rankOf(q, ids(q)) < 5;
        if (after && !before) gained++;
        if (before && !after) lost++;
      }
      return `${name} +${gained} −${lost}`;
    })
    .join(', ');
}

/** Tune-set queries whose 1-based rank (in the first 10; "–" beyond) the vocabulary changed. */
function changes(): void {
  const show = (rank: number) => (rank < 10 ? String(rank + 1) : '–');
  for (const name of TUNE_SETS)
    for (const q of sets[name]!) {
      const before = without.get(q)!;
      const after = rankOf(q, ids(q));
      if (Math.min(before, 10) !== Math.min(after, 10))
        console.log(`  ${show(before)} → ${show(after)}  ${q.query}`);
    }
}

/** Tune-set queries outside the first five, with their rank and what was expected. */
function misses(): void {
  for (const name of TUNE_SETS)
    for (const q of sets[name]!) {
      const found = ids(q);
      const rank = rankOf(q, found);
      if (rank >= 5)
        console.log(
          `  ${rank < 10 ? rank + 1 : '–'}  ${q.query}  [${index
            .search(q.query, { limit: 3 })
            .map((h) => h.title)
            .join(' | ')}] expected ${q.expected.join(',')}`,
        );
    }
}

/** Best of 5 runs per query (after a warm-up of both), with and without, interleaved. */
function latency(vocabulary: QueryVocabulary): void {
  const queries = Object.values(sets).flat();
  const figures = interleavedLatency(
    queries,
    (on) => (index.vocabulary = on ? vocabulary : undefined),
    (query) => index.search(query, { limit: 10 * copies }),
  );
  console.log(
    `latency (${docs.length} documents, ${queries.length} queries, best of 5): ${figures}`,
  );
}
