import type { PhaseResult } from './phases';

export interface Row {
  phase: string;
  figure: string;
  value: string;
  target: string;
  ok: boolean;
  baseline: string;
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);

/** The targets (2-core machine, everything on it), checked phase by phase. */
const LATENCY_TARGETS: Record<string, { figure: string; kinds: string[]; limit: number }[]> = {
  steady: [
    { figure: 'idle sync (304) p99', kinds: ['feed 304'], limit: 50 },
    { figure: 'publish p99', kinds: ['publish'], limit: 250 },
  ],
  herd: [{ figure: 'feed p99 (200 and 304)', kinds: ['feed 200', 'feed 304'], limit: 100 }],
  storm: [{ figure: 'publish p99', kinds: ['publish'], limit: 500 }],
};

function latencyRows(result: PhaseResult, baseline: PhaseResult | undefined): Row[] {
  return (LATENCY_TARGETS[result.name] ?? []).map(({ figure, kinds, limit }) => {
    const value = result.stats.quantileAll(0.99, kinds);
    return {
      phase: result.name,
      figure,
      value: ms(value),
      target: `≤ ${limit} ms`,
      ok: value !== undefined && value <= limit,
      baseline: ms(baseline?.stats.quantileAll(0.99, kinds)),
    };
  });
}

function correctnessRow(result: PhaseResult, baseline: PhaseResult | undefined): Row {
  const describe = (r: PhaseResult) =>
    `${r.missed} missed, ${r.stale} stale, ${r.stats.gone} 410, ${r.stats.serverErrors} 5xx, ${r.stats.errors} errors (${r.stats.count()} requests)`;
  const clean = (r: PhaseResult) =>
    r.missed + r.stale + r.stats.gone + r.stats.serverErrors + r.stats.errors === 0;
  return {
    phase: result.name,
    figure: 'correctness',
    value: describe(result),
    target: 'all 0',
    ok: clean(result),
    baseline: baseline === undefined ? '–' : describe(baseline),
  };
}

function ceilingRow(result: PhaseResult, baseline: PhaseResult | undefined): Row {
  const rate = (r: PhaseResult) => Math.round(r.stats.count('feed 304') / r.seconds);
  return {
    phase: result.name,
    figure: 'idle syncs (304) per second',
    value: String(rate(result)),
    target: '≥ 3000',
    ok: rate(result) >= 3000,
    baseline: baseline === undefined ? '–' : String(rate(baseline)),
  };
}

function loadRow(result: PhaseResult, baseline: PhaseResult | undefined): Row {
  return {
    phase: result.name,
    figure: 'machine load average (2 cores)',
    value: String(result.load),
    target: '–',
    ok: true,
    baseline: baseline === undefined ? '–' : String(baseline.load),
  };
}

export function targetRows(postgres: PhaseResult[], sqlite: PhaseResult[]): Row[] {
  return postgres.flatMap((result) => {
    const baseline = sqlite.find((r) => r.name === result.name);
    return [
      loadRow(result, baseline),
      ...latencyRows(result, baseline),
      ...(result.name === 'ceiling' ? [ceilingRow(result, baseline)] : []),
      correctnessRow(result, baseline),
    ];
  });
}
