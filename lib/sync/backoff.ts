/** Exponential backoff: 1 s, 2 s, 4 s … capped at 15 minutes. */
export const BACKOFF = { baseMs: 1000, factor: 2, capMs: 15 * 60 * 1000 } as const;

/**
 * The wait before retry number `attempt` (0 = the first retry), with full jitter: uniform in
 * [0, min(cap, base·factor^attempt)), so many clients failing together do not retry together.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * A server's Retry-After wins when it asks for longer.
 */
export function backoffDelay(attempt: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * BACKOFF.factor ** Math.max(0, attempt));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
