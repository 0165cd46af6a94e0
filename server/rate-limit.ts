/**
 * Counts failures per key (client address) in fixed one-minute windows. In memory on purpose: it
 * slows token guessing against one process; a fleet behind a proxy limits at the proxy.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  retryAfter(key: string): number {
    const window = this.windows.get(key);
    const now = this.now();
    if (window === undefined || window.resetAt <= now) return 0;
    return window.count >= this.maxFailures ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      if (this.windows.size >= 10_000) this.prune(now);
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    } else window.count += 1;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * A token bucket per key (a user): `perMinute` requests a minute on average, up to that many at
 * once. In memory, per process, like FailureLimiter: it keeps one account from flooding one
 * server; a fleet divides the work among instances anyway.
 */
export class RequestLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request for `key`: 0 when allowed, else the seconds until the next one is. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    const tokens = Math.min(
      this.perMinute,
      bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000,
    );
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil(((1 - tokens) * 60) / this.perMinute));
    }
    if (this.buckets.size >= 10_000 && !this.buckets.has(key)) this.buckets.clear();
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }
}
