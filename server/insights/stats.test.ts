import { describe, expect, it } from 'vitest';
import { meanInterval, momentsOf, tCdf, tQuantile, welch } from './stats';

describe('the t distribution', () => {
  it('returns the tabulated 97.5 % quantiles', () => {
    // Student's t table (two-sided 95 %).
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.571, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
  });

  it('is symmetric around 0', () => {
    expect(tCdf(0, 7)).toBeCloseTo(0.5, 10);
    expect(tCdf(-1.5, 7) + tCdf(1.5, 7)).toBeCloseTo(1, 10);
  });
});

describe('meanInterval', () => {
  it('returns the mean with mean ± t·s/√n', () => {
    const m = momentsOf([2, 4, 4, 4, 5, 5, 7, 9]); // mean 5, s = 2.138
    const result = meanInterval(m)!;
    expect(result.estimate).toBe(5);
    expect(result.ci95[0]).toBeCloseTo(5 - 2.365 * (2.138 / Math.sqrt(8)), 2);
    expect(meanInterval(momentsOf([3]))).toBeUndefined();
  });
});

describe('welch', () => {
  it('returns the difference of means with the Welch interval', () => {
    // scipy.stats.ttest_ind(a, b, equal_var=False): difference −2.22, df 24.52,
    // 95 % interval −4.2765 to −0.1635.
    const a = momentsOf([19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22]);
    const b = momentsOf([
      28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18, 23.9, 21.6,
      24.3, 20.4, 23.9, 13.3,
    ]);
    const result = welch(a, b)!;
    expect(result.estimate).toBeCloseTo(-2.22, 6);
    expect(result.ci95[0]).toBeCloseTo(-4.2765, 3);
    expect(result.ci95[1]).toBeCloseTo(-0.1635, 3);
  });
});
