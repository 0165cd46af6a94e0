import { FEED_PAGE_DEFAULT_LIMIT, feedPageSchema } from '@/lib/content-model';
import { networkOutcome, statusOutcome } from './http-outcome';
import { readBody } from './read-body';
import type { Clock, FeedTransport, Fetch, FetchOutcome } from './types';

export interface ServerTransportOptions {
  /** The content server, e.g. `https://waymark.example.com` (a trailing slash is fine). */
  baseUrl: string;
  token: string;
  fetch: Fetch;
  /** For Retry-After HTTP-dates without a response Date header. */
  now?: Clock;
  limit?: number;
}

export function trimSlash(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** `GET {baseUrl}/v1/feed?cursor=&limit=` with the bearer token (see lib/content-model/feed.ts). */
export function createServerTransport(options: ServerTransportOptions): FeedTransport {
  const { token, fetch, now = Date.now, limit = FEED_PAGE_DEFAULT_LIMIT } = options;
  const base = trimSlash(options.baseUrl);

  async function fetchPage(cursor: string | undefined, etag?: string): Promise<FetchOutcome> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== undefined) query.set('cursor', cursor);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    };
    if (etag !== undefined) headers['If-None-Match'] = etag;
    let response: Response;
    try {
      response = await fetch(`${base}/v1/feed?${query.toString()}`, { headers });
    } catch (error) {
      return networkOutcome(error);
    }
    const early = statusOutcome(response, now());
    if (early !== undefined) return early;
    const what =
      cursor === undefined ? 'the first feed page' : `the feed page after cursor "${cursor}"`;
    const body = await readBody(response, feedPageSchema, what);
    if (body.ok)
      return { kind: 'page', page: body.value, etag: response.headers.get('etag') ?? undefined };
    // A body cut off in transit is a network failure, not a foreign server.
    if (body.problem === 'interrupted')
      return { kind: 'retry', reason: 'The server could not be reached' };
    return { kind: 'fatal', reason: body.reason };
  }

  return { fetchPage };
}
