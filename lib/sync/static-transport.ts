import type { z } from 'zod';
import { feedPageSchema, staticHeadSchema, type StaticHead } from '@/lib/content-model';
import { networkOutcome, statusOutcome } from './http-outcome';
import { readBody } from './read-body';
import { trimSlash } from './transport';
import type { Clock, FeedTransport, Fetch, FetchOutcome } from './types';

export interface StaticTransportOptions {
  /** Where `head.json` and `pages/` are served, e.g. a CDN folder. */
  baseUrl: string;
  fetch: Fetch;
  now?: Clock;
}

/**
 * A static export is given by its head file's URL (…/head.json): returns the folder it is served
 * from. `undefined` means the URL is a content server's.
 */
export function staticFeedBase(serverUrl: string): string | undefined {
  return /\/head\.json$/i.test(new URL(serverUrl).pathname)
    ? serverUrl.replace(/head\.json$/i, '')
    : undefined;
}

type Step<T> = { ok: true; value: T } | { ok: false; outcome: FetchOutcome };

/**
 * Reads a static export (`waymark feed export`): `head.json` lists the page files in order, each
 * with the cursor a client must hold to need it. Page files are immutable, so only the head is
 * fetched with `cache: 'no-cache'`; it is kept between calls and fetched again when the client's
 * cursor is not one of its pages (at the head's end, or a new export).
 */
export function createStaticTransport(options: StaticTransportOptions): FeedTransport {
  const { fetch, now = Date.now } = options;
  const base = trimSlash(options.baseUrl);
  let head: StaticHead | undefined;

  async function getJson<T>(
    path: string,
    schema: z.ZodType<T>,
    init?: RequestInit,
  ): Promise<Step<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}/${path}`, init);
    } catch (error) {
      return { ok: false, outcome: networkOutcome(error) };
    }
    const early = statusOutcome(response, now());
    if (early !== undefined) return { ok: false, outcome: early };
    const body = await readBody(response, schema, path);
    if (body.ok) return body;
    if (body.problem === 'interrupted')
      return { ok: false, outcome: { kind: 'retry', reason: 'The server could not be reached' } };
    return { ok: false, outcome: { kind: 'fatal', reason: body.reason } };
  }

  const pageIndex = (of: StaticHead, cursor: string) =>
    of.pages.findIndex((p) => p.after === cursor);

  async function currentHead(held: string): Promise<Step<StaticHead>> {
    if (head !== undefined && pageIndex(head, held) >= 0) return { ok: true, value: head };
    const fresh = await getJson('head.json', staticHeadSchema, { cache: 'no-cache' });
    if (fresh.ok) head = fresh.value;
    return fresh;
  }

  async function fetchPage(cursor: string | undefined): Promise<FetchOutcome> {
    const held = cursor ?? '';
    const current = await currentHead(held);
    if (!current.ok) return current.outcome;
    const index = pageIndex(current.value, held);
    const entry = current.value.pages[index];
    if (entry === undefined)
      return held === current.value.cursor ? { kind: 'not-modified' } : { kind: 'cursor-expired' };
    const page = await getJson(entry.file, feedPageSchema);
    if (!page.ok) {
      // A missing page file means the export was replaced under us: read the head again next time.
      head = undefined;
      return page.outcome.kind === 'fatal' && page.outcome.reason.startsWith('HTTP 404')
        ? {
            kind: 'retry',
            reason: `The static feed changed while reading it (${entry.file} is gone)`,
          }
        : page.outcome;
    }
    // The head lists several chains (from zero, and deltas from earlier heads) and page files
    // are immutable, so neither position nor the file's own flag says whether more follows:
    // a client is done when it holds the head's cursor (docs/static-feed.md).
    const more = page.value.cursor !== current.value.cursor;
    return { kind: 'page', page: { ...page.value, more }, etag: undefined };
  }

  return { fetchPage };
}
