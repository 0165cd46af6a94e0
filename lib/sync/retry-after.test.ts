import { describe, expect, it } from 'vitest';
import { parseRetryAfter, RETRY_AFTER_CAP_MS } from './retry-after';

const now = Date.parse('2026-11-28T12:00:00Z');

describe('parseRetryAfter', () => {
  it('returns milliseconds when given delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('returns the time until an HTTP-date measured on the injected clock', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('returns the time until an HTTP-date measured from the response Date header when given', () => {
    const weekAhead = now + 7 * 24 * 3600_000;
    const delay = parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', weekAhead, {
      serverDate: 'Sat, 28 Nov 2026 12:00:00 GMT',
    });
    expect(delay).toBe(30_000);
  });

  it('returns 0 when the HTTP-date is in the past', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('returns the cap when the server asks for longer than an hour', () => {
    expect(parseRetryAfter('86400', now)).toBe(RETRY_AFTER_CAP_MS);
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:00 GMT', now)).toBe(RETRY_AFTER_CAP_MS);
  });

  it('returns undefined when the header is missing, empty or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('  ', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
