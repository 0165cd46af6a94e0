/** Rows reused from call to call: the re-rank and the typo lookup call this thousands of times
 * per query, and three arrays per call were most of its cost. */
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let row = new Int32Array(64);

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance between `a` and `b`, or
 * `max + 1` as soon as it is known to exceed `max`. A swap of two neighbouring letters counts as
 * one edit, the commonest typo after a missed or doubled key.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (row.length <= n) {
    prev2 = new Int32Array(n * 2 + 1);
    prev = new Int32Array(n * 2 + 1);
    row = new Int32Array(n * 2 + 1);
  }
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}
