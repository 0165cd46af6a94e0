import { readJsonl } from '@/bin/commands/bench-search';
import { splitOf, toQuery, type BenchQuery } from '@/lib/search/bench/metrics';

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
  const parts = Object.entries(sets).map(([name, queries]) => {
    const hits = queries.filter((q) => rankOf(q, ids(q)) < 5).length;
    return `${name} ${hits}/${queries.length}`;
  });
  return `${label}: ${parts.join(', ')}`;
}

/** 0-based rank of the first right id in `ids`, Infinity when none. */
export function rankOf(q: BenchQuery, ids: string[]): number {
  const rank = ids.findIndex((id) => q.expected.includes(id));
  return rank < 0 ? Infinity : rank;
}
