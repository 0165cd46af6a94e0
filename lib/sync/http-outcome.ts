import { parseRetryAfter } from './retry-after';
import type { FetchOutcome } from './types';

/** Statuses worth retrying: timeouts, rate limits and server-side failures. */
export function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function retryReason(status: number): string {
  if (status === 429) return 'The server asked us to slow down (HTTP 429)';
  if (status === 408) return 'The server timed out waiting for the request (HTTP 408)';
  return `The server had a problem (HTTP ${status})`;
}

/**
 * The outcome of a response that carries no page: auth, expired cursor, retryable statuses, and
 * any other status as fatal. `undefined` when the response is a 2xx whose body must be read.
 */
export function statusOutcome(response: Response, now: number): FetchOutcome | undefined {
  const { status } = response;
  if (status === 304) return { kind: 'not-modified' };
  if (status === 410) return { kind: 'cursor-expired' };
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  if (isRetryable(status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now, {
      serverDate: response.headers.get('date'),
    });
    return { kind: 'retry', reason: retryReason(status), retryAfterMs };
  }
  if (status < 200 || status > 299)
    return { kind: 'fatal', reason: `HTTP ${status} from ${response.url || 'the feed'}` };
  return undefined;
}

/** A fetch that threw: offline, DNS, TLS, connection reset, or (in a page) CORS. */
export function networkOutcome(error: unknown): Extract<FetchOutcome, { kind: 'retry' }> {
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return { kind: 'retry', reason: `The server could not be reached${detail}` };
}
