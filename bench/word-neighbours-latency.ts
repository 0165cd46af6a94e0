/**
 * What the word-neighbour expansion costs a query, measured so a loaded machine cannot hide it:
 * every query of the four English sets, with and without the table (build/word-neighbours.json)
 * interleaved, each the best of REPEAT runs, at the full corpus and at 5× (10 hits asked; at 5×,
 * 50). Prints p50 / p95 of both and their ratio.
 *
 *   npx tsx bench/word-neighbours-latency.ts
 */
import { readJsonl } from '@/bin/commands/bench-search';
import { applyWordNeighboursFile } from '@/bin/commands/word-neighbours-file';
import { buildIndex } from '@/lib/search';
import { blowUp, percentile, toDoc, toQuery } from '@/lib/search/bench/metrics';

const REPEAT = 5;
const io = { out: console.log, err: console.error };
const dir = 'bench/corpus/';
const corpus = readJsonl(`${dir}ms-help-support.jsonl.gz`, toDoc, io)!;
const queries = [
  'queries-dev.jsonl',
  'queries-agent-dev.jsonl',
  'queries-agent-tune.jsonl',
  'queries-agent-extra.jsonl',
].flatMap((name) => readJsonl(`${dir}${name}`, toQuery, io)!.map((q) => q.query));
if (applyWordNeighboursFile(undefined, io) === undefined) process.exit(1);

for (const [label, docs, limit] of [
  ['full', corpus, 10],
  ['5×', blowUp(corpus, corpus.length * 5), 50],
] as const) {
  const index = buildIndex(docs);
  const times = { with: [] as number[], without: [] as number[] };
  for (const query of queries) {
    const best = { with: Infinity, without: Infinity };
    for (let r = 0; r <= REPEAT; r++)
      for (const mode of ['with', 'without'] as const) {
        index.features.wordVectors = mode === 'with';
        const start = performance.now();
        index.search(query, { limit });
        // The first pass warms the caches (typos, associations, neighbour keys) of both modes.
        if (r > 0) best[mode] = Math.min(best[mode], performance.now() - start);
      }
    times.with.push(best.with);
    times.without.push(best.without);
  }
  const p = (list: number[], q: number) => percentile(list, q).toFixed(2);
  console.log(
    `${label} (${queries.length} queries, best of ${REPEAT}): with neighbours p50 ${p(times.with, 50)} / p95 ${p(times.with, 95)} ms; without p50 ${p(times.without, 50)} / p95 ${p(times.without, 95)} ms; p95 ratio ${(percentile(times.with, 95) / percentile(times.without, 95)).toFixed(2)}`,
  );
}
