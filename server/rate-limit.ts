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
