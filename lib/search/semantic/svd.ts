import { symmetricEigen } from './eigen';

/**
 * A sparse matrix by rows: row r's entries are `col[p]`, `val[p]` for p in
 * [start[r], start[r + 1]).
 */
export interface SparseRows {
  rows: number;
  cols: number;
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** The `k` largest singular values and left singular vectors (column-major, rows × k). */
export interface TruncatedSvd {
  k: number;
  u: Float64Array;
  s: Float64Array;
}

/** Columns added to the random sample beyond k, and subspace iterations (Halko et al. 2011). */
const OVERSAMPLE = 16;
const POWER_ITERATIONS = 1;

/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp, "Finding structure with randomness",
 * 2011): project the matrix on a few random directions, refine that subspace by one round of
 * subspace iteration, then solve the small problem exactly. A generator: it yields between
 * slices of work so a caller can keep a service worker responsive; run it to the end for the
 * result. Deterministic for a given matrix and seed.
 */
export function* truncatedSvd(
  a: SparseRows,
  k: number,
  seed: number,
): Generator<void, TruncatedSvd> {
  const l = Math.min(k + OVERSAMPLE, a.rows, a.cols);
  const random = gaussian(seed);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random();
  let q = yield* times(a, omega, l);
  yield* orthonormalize(q, a.rows, l);
  for (let i = 0; i < POWER_ITERATIONS; i++) {
    const z = yield* transposeTimes(a, q, l);
    yield* orthonormalize(z, a.cols, l);
    q = yield* times(a, z, l);
    yield* orthonormalize(q, a.rows, l);
  }
  // B = Qᵀ A is l × cols; its singular values and left vectors come from B Bᵀ = Zᵀ Z.
  const z = yield* transposeTimes(a, q, l);
  const gram = new Float64Array(l * l);
  for (let i = 0; i < l; i++)
    for (let j = 0; j <= i; j++) gram[i * l + j] = gram[j * l + i] = dot(z, i, j, a.cols);
  const { values, vectors } = symmetricEigen(gram, l);
  const kept = Math.min(k, l);
  const u = new Float64Array(a.rows * kept);
  const s = new Float64Array(kept);
  for (let c = 0; c < kept; c++) {
    s[c] = Math.sqrt(Math.max(0, values[c]!));
    for (let j = 0; j < l; j++) {
      const w = vectors[j * l + c]!;
      if (w !== 0) for (let r = 0; r < a.rows; r++) u[c * a.rows + r]! += w * q[j * a.rows + r]!;
    }
  }
  return { k: kept, u, s };
}

/** A · X for X column-major (cols × l): the result is column-major rows × l. */
function* times(a: SparseRows, x: Float64Array, l: number): Generator<void, Float64Array> {
  const out = new Float64Array(a.rows * l);
  for (let c = 0; c < l; c++) {
    const base = c * a.cols;
    for (let r = 0; r < a.rows; r++) {
      let sum = 0;
      for (let p = a.start[r]!; p < a.start[r + 1]!; p++) sum += a.val[p]! * x[base + a.col[p]!]!;
      out[c * a.rows + r] = sum;
    }
    if (c % 8 === 7) yield;
  }
  return out;
}

/** Aᵀ · Y for Y column-major (rows × l): the result is column-major cols × l. */
function* transposeTimes(a: SparseRows, y: Float64Array, l: number): Generator<void, Float64Array> {
  const out = new Float64Array(a.cols * l);
  for (let c = 0; c < l; c++) {
    const base = c * a.cols;
    for (let r = 0; r < a.rows; r++) {
      const v = y[c * a.rows + r]!;
      if (v === 0) continue;
      for (let p = a.start[r]!; p < a.start[r + 1]!; p++) out[base + a.col[p]!]! += a.val[p]! * v;
    }
    if (c % 8 === 7) yield;
  }
  return out;
}

/** Modified Gram-Schmidt on the l columns (length n) in place; a dependent column becomes 0. */
function* orthonormalize(m: Float64Array, n: number, l: number): Generator<void, void> {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      const d = dot(m, c, p, n);
      if (d !== 0) for (let i = 0; i < n; i++) m[c * n + i]! -= d * m[p * n + i]!;
    }
    const norm = Math.sqrt(dot(m, c, c, n));
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let i = 0; i < n; i++) m[c * n + i]! *= scale;
    if (c % 8 === 7) yield;
  }
}

function dot(m: Float64Array, a: number, b: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += m[a * n + i]! * m[b * n + i]!;
  return sum;
}

/** Standard normal numbers from a seeded generator (mulberry32 + Box-Muller): reproducible. */
export function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}
