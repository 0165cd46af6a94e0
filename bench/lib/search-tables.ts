/** The search bench's tables and budgets, from `measure` results (search-measure.ts). */
import { quality, round } from '@/lib/search/bench/metrics';
import { budget, floor, fmt, type Budget, type Cell, type Table } from '../report';
import type { Measured, SetResult } from './search-measure';

/** Issue 15's targets. */
const P95_FULL_MS = 2;
const P95_5X_MS = 10;
const TITLE_RECALL5 = 0.99;
const AGENT_RECALL5 = 0.92;
const RECALL5_5X = 0.98;
const STYLES = ['error', 'symptom', 'newhire', 'vague'];

const MB = (bytes: number) => round(bytes / 2 ** 20, 2);
const count = (r: SetResult | undefined, kind: string) => {
  const k = r?.byKind[kind];
  return k === undefined ? undefined : `${Math.round(k.recall5 * k.queries)}/${k.queries}`;
};
const split = (r: SetResult | undefined, half: string) => r?.bySplit[half]?.recall5;

export function titleTable(results: Measured[]): Table {
  const ours = (size: string) => results.find((r) => r.size === size)?.sets.title?.latencyMs.p95;
  return {
    title: 'Title-derived queries',
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
      'p95 vs ours',
      'R@1',
      'R@5',
      'MRR@10',
      'queries',
    ],
    rows: results.map((r): Cell[] => {
      const t = r.sets.title!;
      return [
        r.size,
        r.engine,
        r.documents,
        r.buildMs,
        MB(r.indexBytes.raw),
        MB(r.indexBytes.gzip),
        r.heapMB,
        r.firstQueryMs,
        t.latencyMs.p50,
        t.latencyMs.p95,
        `${fmt(t.latencyMs.p95 / (ours(r.size) ?? NaN))}×`,
        t.recall1,
        t.recall5,
        t.mrr10,
        t.queries,
      ];
    }),
  };
}

export function agentTable(results: Measured[]): Table {
  return {
    title: 'Agent-language queries (recall@5 per style; tune / held-out halves)',
    columns: [
      'size',
      'engine',
      'R@1',
      'R@5',
      'MRR@10',
      ...STYLES,
      'tune',
      'held-out',
      'p50 ms',
      'p95 ms',
    ],
    rows: results
      .filter((r) => r.sets.agent !== undefined)
      .map((r): Cell[] => {
        const a = r.sets.agent!;
        return [
          r.size,
          r.engine,
          a.recall1,
          a.recall5,
          a.mrr10,
          ...STYLES.map((s) => count(a, s)),
          split(a, 'tune'),
          split(a, 'held-out'),
          a.latencyMs.p50,
          a.latencyMs.p95,
        ];
      }),
  };
}

/** What each technique adds per style, and what it costs (full corpus). */
export function ablationTable(rows: Measured[]): Table {
  return {
    title: 'Ablation at the full corpus: each technique off in turn',
    columns: [
      'engine',
      'agent R@5',
      ...STYLES,
      'held-out',
      'title R@5',
      'p95 agent ms',
      'p95 title ms',
      '1st query ms',
      'build ms',
      'heap +MB',
      'gzip MB',
    ],
    rows: rows.map((r): Cell[] => [
      r.engine,
      r.sets.agent?.recall5,
      ...STYLES.map((s) => count(r.sets.agent, s)),
      split(r.sets.agent, 'held-out'),
      r.sets.title?.recall5,
      r.sets.agent?.latencyMs.p95,
      r.sets.title?.latencyMs.p95,
      r.firstQueryMs,
      r.buildMs,
      r.heapMB,
      MB(r.indexBytes.gzip),
    ]),
  };
}

/** Our recall on the very queries fuse.js answered, so its smaller sample compares fairly. */
export function fuseSubsetNote(results: Measured[], fuseName: string, oursName: string): string {
  return results
    .filter((r) => r.engine === fuseName)
    .map((r) => {
      const title = r.sets.title!;
      const mine =
        results.find((o) => o.size === r.size && o.engine === oursName)?.sets.title?.ranks ?? {};
      const q = quality(Object.keys(title.ranks).map((query) => mine[query] ?? -1));
      return `ours on the same ${title.queries} at ${r.size}: R@1 ${q.recall1}, R@5 ${q.recall5}`;
    })
    .join('; ');
}

export function budgets(results: Measured[], oursName: string): Budget[] {
  const at = (size: string) => results.find((r) => r.size === size && r.engine === oursName);
  const full = at('full');
  const big = at('5×');
  if (full === undefined || big === undefined) return [];
  const p95 = (m: Measured) =>
    Math.max(m.sets.title?.latencyMs.p95 ?? Infinity, m.sets.agent?.latencyMs.p95 ?? Infinity);
  return [
    floor('agent-language recall@5 (full corpus)', AGENT_RECALL5, full.sets.agent!.recall5, ''),
    floor('title recall@5 (full corpus)', TITLE_RECALL5, full.sets.title!.recall5, ''),
    budget('search p95 at the full corpus (either query set)', P95_FULL_MS, p95(full), 'ms'),
    budget('search p95 at 5× the corpus (either query set)', P95_5X_MS, p95(big), 'ms'),
    floor('title recall@5 at 5× (copies folded)', RECALL5_5X, big.sets.title!.recall5, ''),
  ];
}
