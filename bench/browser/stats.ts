/** Small numeric helpers shared by the browser benches (pure, unit-tested). */

/** The median of `samples` (mean of the middle two for an even count); NaN when empty. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to `digits` decimals (default 1). */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** `ours / baseline`, rounded to 2 decimals; undefined when the baseline is zero or missing. */
export function ratio(ours: number, baseline: number | undefined): number | undefined {
  if (baseline === undefined || baseline === 0 || !Number.isFinite(baseline)) return undefined;
  return round(ours / baseline, 2);
}

/** "min–max over n" for a figure's note. */
export function spread(samples: readonly number[], digits = 1): string {
  if (samples.length === 0) return 'no samples';
  return `${round(Math.min(...samples), digits)}–${round(Math.max(...samples), digits)} over ${samples.length} runs`;
}
