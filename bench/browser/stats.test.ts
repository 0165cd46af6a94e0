import { describe, expect, it } from 'vitest';
import { median, ratio, round, spread } from './stats';

describe('bench stats', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('rounds, and gives no ratio against a zero baseline', () => {
    expect(round(1.26)).toBe(1.3);
    expect(round(1.2345, 2)).toBe(1.23);
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(3, undefined)).toBeUndefined();
  });

  it('describes the spread of samples', () => {
    expect(spread([3, 1, 2])).toBe('1–3 over 3 runs');
    expect(spread([])).toBe('no samples');
  });
});
