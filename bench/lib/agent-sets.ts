import { readJsonl } from '@/bin/commands/bench-search';
import { percentile, splitOf, toQuery, type BenchQuery } from '@/lib/search/bench/metrics';

const DIR = 'bench/corpus/';

/**
 * Every query set of docs/adr/0003-search.md's method, in its reporting order: the two halves of
 * the agent development set, the 64 agent tune queries, the 96 held-out extra ones, the titles.
 * Developing means looking at the tune sets only (`TUNE_SETS`).
 */
export function querySets(): Record<string, BenchQuery[]> {
  const io = { out: console.log, err: console.error };
  const read = (name: string) => readJsonl(`${DIR}${name}`, toQuery, io)!;
  const dev = read('queries-agent-dev.jsonl');
  return {
    'dev tune half': dev.filter((q) => splitOf(q) === 'tune'),
    'dev held-out half': dev.filter((q) => splitOf(q) === 'held-out'),
    'agent-tune (64)': read('queries-agent-tune.jsonl'),
    'agent-extra (96, held out)': read('queries-agent-extra.jsonl'),
    title: read('queries-dev.jsonl'),
  };
}

export const TUNE_SETS = ['dev tune half', 'agent-tune (64)'];

/** `label: set hits/queries, …`: queries with an expected id among the first five `ids`. */
export function recallLine(
  label: string,
  sets: Record<string, BenchQuery[]>,
  ids: (q: BenchQuery) => string[],
): string {
  let reciprocal = 0;
  let tuned = 0;
  const parts = Object.entries(sets).map(([name, queries]) => {
    const ranks = queries.map((q) => rankOf(q, ids(q)));
    if (TUNE_SETS.includes(name)) {
      tuned += ranks.length;
      for (const rank of ranks) reciprocal += rank < 10 ? 1 / (rank + 1) : 0;
    }
    return `${name} ${ranks.filter((rank) => rank < 5).length}/${queries.length}`;
  });
  const mrr = (reciprocal / Math.max(1, tuned)).toFixed(3);
  return `${label}: ${parts.join(', ')}; tune MRR@10 ${mrr}`;
}

/** 0-based rank of the first right id in `ids`, Infinity when none. */
export function rankOf(q: BenchQuery, ids: string[]): number {
  const rank = ids.findIndex((id) => q.expected.includes(id));
  return rank < 0 ? Infinity : rank;
}

/**
 * `with p50 / p95 ms; without p50 / p95 ms` over `queries`: each query run 5 times with and 5
 * without, interleaved after a warm-up of both, its best time kept (the machine is shared).
 * `switchTo(on)` switches the technique before each run; `search` runs one query.
 */
export function interleavedLatency(
  queries: readonly BenchQuery[],
  switchTo: (on: boolean) => void,
  search: (query: string) => void,
): string {
  const times = { with: [] as number[], without: [] as number[] };
  for (const q of queries) {
    const best = { with: Infinity, without: Infinity };
    for (let r = 0; r <= 5; r++)
      for (const mode of ['with', 'without'] as const) {
        switchTo(mode === 'with');
        const start = performance.now();
        search(q.query);
        if (r > 0) best[mode] = Math.min(best[mode], performance.now() - start);
      }
    times.with.push(best.with);
    times.without.push(best.without);
  }
  const p = (m: 'with' | 'without', q: number) => percentile(times[m], q).toFixed(2);
  return `with p50 ${p('with', 50)} / p95 ${p('with', 95)} ms; without p50 ${p('without', 50)} / p95 ${p('without', 95)} ms`;
}
