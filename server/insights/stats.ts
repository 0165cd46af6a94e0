/**
 * The few statistics the impact views need, written out so they can be read and checked: means
 * with t intervals, Welch's difference of means, and the t distribution they rest on (Student's
 * t CDF through the regularised incomplete beta function, Numerical Recipes §6.4).
 */
import type { Estimate } from '@/lib/insights/views';

/** n, Σx and Σx² of a sample. */
export interface Moments {
  n: number;
  sum: number;
  sq: number;
}

export const mean = (m: Moments): number => m.sum / m.n;

/** The sample variance (n − 1), 0 for fewer than two values. */
export function variance(m: Moments): number {
  if (m.n < 2) return 0;
  return Math.max(0, (m.sq - (m.sum * m.sum) / m.n) / (m.n - 1));
}

export function momentsOf(values: readonly number[]): Moments {
  return values.reduce((m, x) => ({ n: m.n + 1, sum: m.sum + x, sq: m.sq + x * x }), {
    n: 0,
    sum: 0,
    sq: 0,
  });
}

export const addMoments = (a: Moments, b: Moments): Moments => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  sq: a.sq + b.sq,
});

function logGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155,
    0.001208650973866179, -0.000005395239384953,
  ];
  let y = x;
  const t = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let s = 1 + 1.90015e-10;
  for (const k of c) s += k / ++y;
  return -t + Math.log((2.5066282746310007 * s) / x);
}

function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const [num, last] of [
      [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), false],
      [(-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)), true],
    ] as const) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      const step = d * c;
      h *= step;
      if (last && Math.abs(step - 1) < 1e-12) return h;
    }
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t > 0 ? 1 - tail : tail;
}

/** The t value below which `p` of the distribution lies (bisection: monotone, exact enough). */
export function tQuantile(p: number, df: number): number {
  let low = -1e4;
  let high = 1e4;
  for (let i = 0; i < 200 && high - low > 1e-10; i++) {
    const mid = (low + high) / 2;
    if (tCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const interval = (estimate: number, se: number, df: number): Estimate => {
  const t = tQuantile(0.975, df);
  return { estimate, ci95: [estimate - t * se, estimate + t * se] };
};

/** The mean with its 95 % t interval; undefined for fewer than two values. */
export function meanInterval(m: Moments): Estimate | undefined {
  if (m.n < 2) return undefined;
  return interval(mean(m), Math.sqrt(variance(m) / m.n), m.n - 1);
}

/** mean(a) − mean(b) with Welch's 95 % interval; undefined unless both have two values. */
export function welch(a: Moments, b: Moments): Estimate | undefined {
  if (a.n < 2 || b.n < 2) return undefined;
  const va = variance(a) / a.n;
  const vb = variance(b) / b.n;
  const se = Math.sqrt(va + vb);
  const df =
    se === 0 ? a.n + b.n - 2 : (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return interval(mean(a) - mean(b), se, df);
}

/**
 * A weighted sum of independent differences, each with its variance terms and their degrees of
 * freedom: the estimate and a 95 % interval with Welch–Satterthwaite degrees of freedom.
 */
export function combine(
  parts: readonly { weight: number; estimate: number; terms: { variance: number; df: number }[] }[],
): Estimate | undefined {
  const total = parts.reduce((n, p) => n + p.weight, 0);
  if (total === 0) return undefined;
  const terms = parts.flatMap((p) =>
    p.terms.map((t) => ({ v: (p.weight / total) ** 2 * t.variance, df: t.df })),
  );
  const v = terms.reduce((n, t) => n + t.v, 0);
  const denominator = terms.reduce((n, t) => n + (t.df > 0 ? t.v ** 2 / t.df : 0), 0);
  const df =
    denominator === 0
      ? Math.max(
          1,
          terms.reduce((n, t) => n + t.df, 0),
        )
      : v ** 2 / denominator;
  const estimate = parts.reduce((n, p) => n + (p.weight / total) * p.estimate, 0);
  return interval(estimate, Math.sqrt(v), df);
}
