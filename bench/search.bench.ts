/**
 * `npm run bench:search`: our search (lib/search) against plain fuse.js and MiniSearch on the
 * shared help-article corpus at 1k, full (4,495) and 5× (22,475) documents — build time, index size
 * (raw and gzip of the serialized index), heap growth, query latency and recall — every engine
 * measured in this one run on the same documents and queries (bench/lib/search-engines.ts).
 *
 *   npx tsx bench/search.bench.ts [--queries FILE.jsonl] [--corpus FILE.jsonl.gz]
 *
 * ~5 minutes on 2 cores, half of it plain fuse.js (seconds per query on the full corpus).
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { DEFAULT_CORPUS, DEFAULT_QUERIES, readJsonl } from '@/bin/commands/bench-search';
import type { SearchDoc } from '@/lib/search';
import {
  blowUp,
  copiesPerItem,
  foldCopies,
  percentile,
  quality,
  round,
  toDoc,
  toQuery,
  type BenchQuery,
} from '@/lib/search/bench/metrics';
import { budget, fmt, writePart, type Cell } from './report';
import { fuse, minisearch, ours, type Engine } from './lib/search-engines';

/**
 * Plain fuse.js runs Bitap over every document's whole text per query (1–20 s each on the full
 * corpus, longest for long natural-language queries): it answers an evenly spaced sample of the
 * queries, so its types stay mixed, and this part stays near 5 minutes.
 */
const FUSE_QUERIES: Record<string, number> = { '1k': 20, full: 15, '5×': 5 };
/** Each query is timed this many times in a row and its median kept… */
const REPEAT = 3;
/** …unless the warm-up pass averaged over this: then once (a GC pause is small next to it). */
const SLOW_QUERY_MS = 50;
const P95_BUDGET_MS = 5;

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, queries: { type: 'string' } },
});
const io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) };
const corpusFile = values.corpus ?? DEFAULT_CORPUS;
const queriesFile = values.queries ?? DEFAULT_QUERIES;
const corpus = readJsonl(corpusFile, toDoc, io);
const queries = readJsonl(queriesFile, toQuery, io);
if (corpus === undefined || queries === undefined) process.exit(1);

// Heap figures need a collection before each reading; this exposes `gc` without a node flag.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** The first 1k articles plus every expected one, so each query can still be answered. */
function firstKPlusExpected(docs: SearchDoc[], k: number): SearchDoc[] {
  const expected = new Set(queries!.flatMap((q) => q.expected));
  return [...docs.slice(0, k), ...docs.slice(k).filter((d) => expected.has(d.id))];
}

const SIZES = [
  { label: '1k', docs: firstKPlusExpected(corpus, 1000) },
  { label: 'full', docs: corpus },
  { label: '5×', docs: blowUp(corpus, corpus.length * 5) },
];

/** `n` queries spread evenly over the list (the dev set is sorted by type). */
function sample<T>(list: T[], n: number): T[] {
  if (n >= list.length) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

interface Measured {
  size: string;
  engine: string;
  documents: number;
  queries: number;
  buildMs: number;
  indexBytes: { raw: number; gzip: number };
  heapMB: number;
  firstQueryMs: number;
  latencyMs: { p50: number; p95: number; p99: number };
  recall1: number;
  recall5: number;
  mrr10: number;
  /** Rank of the first expected hit per query (-1: none), by query text. */
  ranks: Record<string, number>;
}

function measure(engine: Engine, size: string, docs: SearchDoc[], qs: BenchQuery[]): Measured {
  const before = heapMB();
  let t = performance.now();
  const built = engine.build(docs);
  const buildMs = performance.now() - t;
  const heap = heapMB() - before;
  // With copies, ask for 10 per copy and fold copies into their item (as `waymark bench search`).
  const limit = 10 * copiesPerItem(docs);
  const run = (q: BenchQuery) => foldCopies(built.search(q.query, limit));
  t = performance.now();
  if (qs[0] !== undefined) run(qs[0]);
  const firstQueryMs = performance.now() - t;
  let slow = firstQueryMs > 20 * SLOW_QUERY_MS;
  if (!slow) {
    t = performance.now();
    qs.forEach(run); // warm-up pass
    slow = (performance.now() - t) / Math.max(1, qs.length) > SLOW_QUERY_MS;
  }
  const times: number[] = [];
  const ranks = qs.map((q) => {
    const runs: number[] = [];
    let ids: string[] = [];
    for (let r = 0; r < (slow ? 1 : REPEAT); r++) {
      const start = performance.now();
      ids = run(q);
      runs.push(performance.now() - start);
    }
    times.push(percentile(runs, 50));
    return ids.findIndex((id) => q.expected.includes(id));
  });
  const json = built.serialize();
  return {
    size,
    engine: engine.name,
    documents: docs.length,
    queries: qs.length,
    buildMs: round(buildMs),
    indexBytes: { raw: Buffer.byteLength(json), gzip: gzipSync(json).length },
    heapMB: round(heap),
    firstQueryMs: round(firstQueryMs, 2),
    latencyMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    },
    ...quality(ranks),
    ranks: Object.fromEntries(qs.map((q, i) => [q.query, ranks[i] ?? -1])),
  };
}

const results: Measured[] = [];
for (const { label, docs } of SIZES) {
  for (const engine of [ours, minisearch, fuse]) {
    const qs = engine === fuse ? sample(queries, FUSE_QUERIES[label] ?? 5) : queries;
    const m = measure(engine, label, docs, qs);
    console.error(`search ${label} ${engine.name}: p95 ${m.latencyMs.p95} ms, R@5 ${m.recall5}`);
    results.push(m);
  }
}

const MB = (bytes: number) => round(bytes / 2 ** 20, 2);
const oursAt = (size: string) => results.find((r) => r.size === size && r.engine === ours.name);
const rows: Cell[][] = results.map((r) => [
  r.size,
  r.engine,
  r.documents,
  r.buildMs,
  MB(r.indexBytes.raw),
  MB(r.indexBytes.gzip),
  r.heapMB,
  r.firstQueryMs,
  r.latencyMs.p50,
  r.latencyMs.p95,
  r.latencyMs.p99,
  `${fmt(r.latencyMs.p95 / (oursAt(r.size)?.latencyMs.p95 ?? NaN))}×`,
  r.recall1,
  r.recall5,
  r.mrr10,
  r.queries,
]);
const full = oursAt('full');

/** Our recall on the very queries fuse.js answered, so its smaller sample compares fairly. */
function fuseSubsetNote(): string {
  return results
    .filter((r) => r.engine === fuse.name)
    .map((r) => {
      const mine = oursAt(r.size)?.ranks ?? {};
      const q = quality(Object.keys(r.ranks).map((query) => mine[query] ?? -1));
      return `ours on the same ${r.queries} at ${r.size}: R@1 ${q.recall1}, R@5 ${q.recall5}`;
    })
    .join('; ');
}
writePart({
  part: 'search',
  title: 'Search: lib/search vs fuse.js and MiniSearch',
  tables: [
    {
      columns: [
        'size',
        'engine',
        'docs',
        'build ms',
        'index MB',
        'gzip MB',
        'heap +MB',
        '1st query ms',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'p95 vs ours',
        'R@1',
        'R@5',
        'MRR@10',
        'queries',
      ],
      rows,
    },
  ],
  notes: [
    `Corpus ${corpusFile.split('/').pop()}, queries ${queriesFile.split('/').pop()} (${queries.length}).`,
    '1k = the first 1,000 articles plus every expected one; 5× = copies with suffixed ids, 10 hits asked per copy, a copy of the expected article counts as a hit (as `waymark bench search --size`).',
    `Latency: per query the median of ${REPEAT} runs after a warm-up pass (one run when the warm-up averaged over ${SLOW_QUERY_MS} ms); "1st query" is the first search after the build, lazy set-up included.`,
    `Plain fuse.js answers only ${Object.entries(FUSE_QUERIES)
      .map(([size, n]) => `${n} (${size})`)
      .join(', ')} evenly spaced queries, once each, no warm-up; ${fuseSubsetNote()}.`,
    ...[ours, fuse, minisearch].map((e) => `${e.name}: ${e.options}.`),
    'Index size: our toJSON(); fuse.js Fuse.createIndex(...).toJSON(); MiniSearch JSON.stringify. Heap: heapUsed growth over the build after GC (documents already loaded).',
  ],
  budgets:
    full === undefined
      ? []
      : [budget('search p95 at the full corpus', P95_BUDGET_MS, full.latencyMs.p95, 'ms')],
  data: { corpus: corpusFile, queries: queriesFile, fuseQueries: FUSE_QUERIES, results },
});
