import { describe, expect, it } from 'vitest';
import { article } from '@/lib/db/test-support';
import { FakeFeed } from './fake-feed';
import { createServerTransport } from './transport';
import type { Fetch } from './types';

const now = () => Date.parse('2026-11-28T12:00:00Z');
const base = 'https://feed.example.com/';

function transportFor(feed: FakeFeed, token = feed.token) {
  return createServerTransport({ baseUrl: base, token, fetch: feed.fetch, now, limit: 2 });
}

const answering =
  (response: () => Response): Fetch =>
  () =>
    Promise.resolve(response());
const withBody = (body: string, type = 'application/json') =>
  answering(() => new Response(body, { headers: { 'content-type': type } }));

describe('createServerTransport', () => {
  it('returns the page and its etag, asking with the bearer token, cursor and limit', async () => {
    const feed = new FakeFeed().putItems(article('a'));
    const outcome = await transportFor(feed).fetchPage('c0', '"x"');
    expect(outcome).toMatchObject({
      kind: 'page',
      page: { cursor: 'c1', more: false },
      etag: '"0-1"',
    });
    const { url, init } = feed.requests[0]!;
    expect(url).toBe('https://feed.example.com/v1/feed?limit=2&cursor=c0');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer secret');
    expect(new Headers(init?.headers).get('if-none-match')).toBe('"x"');
  });

  it('returns the first page when asked without a cursor, sending none', async () => {
    const feed = new FakeFeed().putItems(article('a'));
    expect((await transportFor(feed).fetchPage(undefined)).kind).toBe('page');
    expect(feed.feedRequests()[0]!.searchParams.has('cursor')).toBe(false);
  });

  it('returns not-modified when the server answers 304 to the etag', async () => {
    const feed = new FakeFeed().putItems(article('a'));
    expect(await transportFor(feed).fetchPage('c1', '"1-1"')).toEqual({ kind: 'not-modified' });
  });

  it('returns cursor-expired when the server answers 410', async () => {
    const feed = new FakeFeed().putItems(article('a'));
    feed.expired.add('c0');
    expect(await transportFor(feed).fetchPage('c0')).toEqual({ kind: 'cursor-expired' });
  });

  it('returns unauthorized when the server answers 401 or 403', async () => {
    expect(await transportFor(new FakeFeed(), 'wrong').fetchPage(undefined)).toEqual({
      kind: 'unauthorized',
    });
    const forbidden = answering(() => new Response('', { status: 403 }));
    const transport = createServerTransport({ baseUrl: base, token: 't', fetch: forbidden });
    expect(await transport.fetchPage(undefined)).toEqual({ kind: 'unauthorized' });
  });

  it('returns retry when the server answers 500, 503 or 408', async () => {
    for (const status of [500, 503, 408]) {
      const feed = new FakeFeed().failNext({ status });
      expect(await transportFor(feed).fetchPage(undefined)).toMatchObject({
        kind: 'retry',
        retryAfterMs: undefined,
      });
    }
  });

  it('returns retry with the wait when a 429 carries Retry-After in seconds', async () => {
    const feed = new FakeFeed().failNext({ status: 429, headers: { 'retry-after': '7' } });
    expect(await transportFor(feed).fetchPage(undefined)).toEqual({
      kind: 'retry',
      reason: 'The server asked us to slow down (HTTP 429)',
      retryAfterMs: 7000,
    });
  });

  it('returns retry with the wait when a 429 carries Retry-After as an HTTP-date', async () => {
    const headers = { 'retry-after': 'Sat, 28 Nov 2026 12:02:00 GMT' };
    const feed = new FakeFeed().failNext({ status: 429, headers });
    expect(await transportFor(feed).fetchPage(undefined)).toMatchObject({ retryAfterMs: 120_000 });
  });

  it('returns retry saying the server could not be reached when fetch throws', async () => {
    const feed = new FakeFeed().failNext('network');
    const outcome = await transportFor(feed).fetchPage(undefined);
    expect(outcome).toMatchObject({ kind: 'retry' });
    expect(outcome.kind === 'retry' && outcome.reason).toMatch(/^The server could not be reached/);
  });

  it('returns retry when the body cannot be read to its end', async () => {
    const broken = answering(() => {
      const body = new ReadableStream({ pull: (c) => c.error(new TypeError('terminated')) });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const transport = createServerTransport({ baseUrl: base, token: 't', fetch: broken });
    expect((await transport.fetchPage(undefined)).kind).toBe('retry');
  });

  it('returns fatal naming a captive portal when the answer is an HTML page', async () => {
    const feed = new FakeFeed().failNext('html');
    expect(await transportFor(feed).fetchPage(undefined)).toEqual({
      kind: 'fatal',
      reason: 'HTML page — a captive portal?',
    });
  });

  it('returns fatal naming truncated JSON and the cursor when the body stops half way', async () => {
    const feed = new FakeFeed().putItems(article('a'), article('b')).failNext('truncated');
    const outcome = await transportFor(feed).fetchPage('c0');
    expect(outcome.kind === 'fatal' && outcome.reason).toMatch(
      /^truncated JSON: the feed page after cursor "c0" stops after \d+ characters$/,
    );
  });

  it('returns fatal naming what it got when the body is not JSON', async () => {
    const transport = createServerTransport({
      baseUrl: base,
      token: 't',
      fetch: withBody('OK', 'text/plain'),
    });
    expect(await transport.fetchPage(undefined)).toEqual({
      kind: 'fatal',
      reason: 'not JSON: the first feed page starts with "OK"',
    });
  });

  it('returns fatal naming the field when the JSON is not a feed page', async () => {
    const body = JSON.stringify({ items: [], apps: [], deleted: [], cursor: 'c1', more: 'yes' });
    const transport = createServerTransport({ baseUrl: base, token: 't', fetch: withBody(body) });
    const outcome = await transport.fetchPage(undefined);
    expect(outcome.kind === 'fatal' && outcome.reason).toMatch(
      /^the first feed page is not in the feed format at "more": /,
    );
  });
});
