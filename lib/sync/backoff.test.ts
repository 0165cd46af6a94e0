import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('returns 0 when the jitter draws 0 and nothing was asked', () => {
    expect(backoffDelay(5, () => 0)).toBe(0);
  });

  it('returns just under base·2^attempt when the jitter draws its maximum', () => {
    const max = 1 - Number.EPSILON;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => max))).toEqual([999, 1999, 3999, 7999]);
  });

  it('returns at most 15 minutes however many attempts failed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (a, r) => {
          const delay = backoffDelay(a, () => r);
          return delay >= 0 && delay < BACKOFF.capMs;
        },
      ),
    );
  });

  it('returns the Retry-After wait when it is longer than the jittered delay', () => {
    expect(backoffDelay(0, () => 0.5, 30_000)).toBe(30_000);
    expect(backoffDelay(20, () => 0.5, 30_000)).toBe(BACKOFF.capMs / 2);
  });
});
