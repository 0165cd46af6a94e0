import type { FeedPage } from '@/lib/content-model';

/** `fetch` as the sync client uses it; injected so tests can play the server. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * What one feed request came to. The transport turns HTTP details into these; the engine decides
 * what to do with each (apply, stop, rebuild, back off, give up until the user acts).
 */
export type FetchOutcome =
  | { kind: 'page'; page: FeedPage; etag: string | undefined }
  /** Nothing new after the cursor (HTTP 304, or a static feed already read to its head). */
  | { kind: 'not-modified' }
  /** The server no longer knows the cursor (HTTP 410): start again from zero. */
  | { kind: 'cursor-expired' }
  | { kind: 'unauthorized' }
  /** Worth trying again later: `reason` is plain words for the options page. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number | undefined }
  /** An answer that is not a Waymark feed; `reason` names what and where. */
  | { kind: 'fatal'; reason: string };

export interface FeedTransport {
  /** The page after `cursor` (`undefined` = from zero); `etag` is sent as If-None-Match. */
  fetchPage(cursor: string | undefined, etag?: string): Promise<FetchOutcome>;
}

/** The clock, injected: only ever used for backoff timing, never compared with server data. */
export type Clock = () => number;
