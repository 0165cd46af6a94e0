import type { User } from '../types';

/**
 * Token hash → user, for instances that hear every change: entries are evicted by NOTIFY when a
 * token is rotated or revoked (so a revoked token stops on every instance within milliseconds),
 * and the whole cache is dropped and switched off while the listener is down (an eviction may be
 * missed then). Bounded: the oldest entries go first. Unknown tokens are never cached.
 */
export class TokenCache {
  private readonly entries = new Map<string, User>();
  private enabled = false;

  constructor(private readonly maxEntries = 50_000) {}

  get(hash: string): User | undefined {
    return this.enabled ? this.entries.get(hash) : undefined;
  }

  set(hash: string, user: User): void {
    if (!this.enabled) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, user);
  }

  evict(hash: string): void {
    this.entries.delete(hash);
  }

  /** On (re)connecting the listener: start afresh. */
  enable(): void {
    this.entries.clear();
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
    this.entries.clear();
  }
}
