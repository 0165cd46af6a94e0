/**
 * One engine over one corpus size for `npm run bench:search`: build time, index size, heap growth,
 * then each query set's quality (overall, per style or type, per tune/held-out half) and latency.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { SearchDoc } from '@/lib/search';
import {
  copiesPerItem,
  foldCopies,
  percentile,
  quality,
  qualityBy,
  round,
  splitOf,
  type BenchQuery,
} from '@/lib/search/bench/metrics';
import type { BuiltEngine, Engine } from './search-engines';

/** Each query is timed this many times in a row and its median kept… */
export const REPEAT = 3;
/** …unless the warm-up pass averaged over this: then once (a GC pause is small next to it). */
export const SLOW_QUERY_MS = 50;

// Heap figures need a collection before each reading; this exposes `gc` without a node flag.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export interface SetResult {
  queries: number;
  recall1: number;
  recall5: number;
  mrr10: number;
  byKind: Record<string, { recall5: number; queries: number }>;
  bySplit: Record<string, { recall5: number; queries: number }>;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Rank of the first right hit per query (-1: none), by query text. */
  ranks: Record<string, number>;
}

export interface Measured {
  size: string;
  engine: string;
  documents: number;
  buildMs: number;
  indexBytes: { raw: number; gzip: number };
  heapMB: number;
  firstQueryMs: number;
  sets: Record<string, SetResult>;
}

function runSet(
  built: BuiltEngine,
  limit: number,
  qs: BenchQuery[],
  slowFirst: boolean,
): SetResult {
  const run = (q: BenchQuery) => foldCopies(built.search(q.query, limit));
  let t = performance.now();
  let slow = slowFirst;
  if (!slow) {
    qs.forEach(run); // warm-up pass
    slow = (performance.now() - t) / Math.max(1, qs.length) > SLOW_QUERY_MS;
  }
  const times: number[] = [];
  const ranks = qs.map((q) => {
    const runs: number[] = [];
    let ids: string[] = [];
    for (let r = 0; r < (slow ? 1 : REPEAT); r++) {
      t = performance.now();
      ids = run(q);
      runs.push(performance.now() - t);
    }
    times.push(percentile(runs, 50));
    return ids.findIndex((id) => q.expected.includes(id));
  });
  const recall5 = (by: Record<string, { recall5: number; queries: number }>) =>
    Object.fromEntries(
      Object.entries(by).map(([k, v]) => [k, { recall5: v.recall5, queries: v.queries }]),
    );
  return {
    queries: qs.length,
    ...quality(ranks),
    byKind: recall5(qualityBy(qs, ranks, (q) => q.type ?? 'all')),
    bySplit: recall5(qualityBy(qs, ranks, splitOf)),
    latencyMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    },
    ranks: Object.fromEntries(qs.map((q, i) => [q.query, ranks[i] ?? -1])),
  };
}

/** Builds `engine` over `docs` and runs every query set (copies folded, 10 hits asked per copy). */
export function measure(
  engine: Engine,
  size: string,
  docs: SearchDoc[],
  sets: Record<string, BenchQuery[]>,
): Measured {
  const before = heapMB();
  let t = performance.now();
  const built = engine.build(docs);
  const buildMs = performance.now() - t;
  const heap = heapMB() - before;
  const limit = 10 * copiesPerItem(docs);
  const first = Object.values(sets).flat()[0];
  t = performance.now();
  if (first !== undefined) built.search(first.query, limit);
  const firstQueryMs = performance.now() - t;
  // A first query of seconds (plain fuse.js): no warm-up pass, one run per query.
  const slowFirst = firstQueryMs > 20 * SLOW_QUERY_MS;
  const results = Object.fromEntries(
    Object.entries(sets).map(([name, qs]) => [name, runSet(built, limit, qs, slowFirst)]),
  );
  const json = built.serialize();
  return {
    size,
    engine: engine.name,
    documents: docs.length,
    buildMs: round(buildMs),
    indexBytes: { raw: Buffer.byteLength(json), gzip: gzipSync(json).length },
    heapMB: round(heap),
    firstQueryMs: round(firstQueryMs, 2),
    sets: results,
  };
}
