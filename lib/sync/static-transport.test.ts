import { describe, expect, it } from 'vitest';
import { article } from '@/lib/db/test-support';
import { FakeFeed } from './fake-feed';
import { createStaticTransport } from './static-transport';
import type { FetchOutcome } from './types';

const base = 'https://cdn.example.com/static';

function exported(...ids: string[]) {
  const feed = new FakeFeed().putItems(...ids.map((id) => article(id)));
  feed.exportStatic();
  return { feed, transport: createStaticTransport({ baseUrl: base, fetch: feed.fetch }) };
}

const ids = (outcome: FetchOutcome) =>
  outcome.kind === 'page' ? outcome.page.items.map((i) => (i as { id: string }).id) : outcome.kind;

describe('createStaticTransport', () => {
  it('returns the pages after the cursor in order, with more from the head', async () => {
    const { transport } = exported('a', 'b', 'c');
    const first = await transport.fetchPage(undefined);
    expect(first).toMatchObject({ kind: 'page', page: { cursor: 'c2', more: true } });
    expect(ids(first)).toEqual(['a', 'b']);
    const second = await transport.fetchPage('c2');
    expect(second).toMatchObject({ kind: 'page', page: { cursor: 'c3', more: false } });
    expect(ids(second)).toEqual(['c']);
  });

  it('returns not-modified when the cursor is the head cursor', async () => {
    const { transport } = exported('a');
    expect(await transport.fetchPage('c1')).toEqual({ kind: 'not-modified' });
  });

  it('returns more until the head cursor when the head lists a full chain and a delta chain', async () => {
    const { feed, transport } = exported('a', 'b', 'c');
    feed.putItems(article('d'));
    const head = feed.exportStatic();
    expect(head.pages.filter((p) => p.after === '')).toHaveLength(2);
    const fromZero = [await transport.fetchPage(undefined), await transport.fetchPage('c2')];
    expect(fromZero.map((o) => o.kind === 'page' && o.page.more)).toEqual([true, true]);
    expect(await transport.fetchPage('c3')).toMatchObject({ page: { cursor: 'c4', more: false } });
  });

  it('returns cursor-expired when the head does not know the cursor', async () => {
    const { transport } = exported('a');
    expect(await transport.fetchPage('c99')).toEqual({ kind: 'cursor-expired' });
  });

  it('fetches the head with no-cache and each page file once', async () => {
    const { feed, transport } = exported('a', 'b', 'c');
    await transport.fetchPage(undefined);
    await transport.fetchPage('c2');
    const paths = feed.requests.map((r) => new URL(r.url).pathname);
    expect(paths).toEqual([
      '/static/head.json',
      '/static/pages/0-0.json',
      '/static/pages/1-2.json',
    ]);
    expect(feed.requests[0]!.init?.cache).toBe('no-cache');
  });

  it('returns the pages of a newer export after reading the head again', async () => {
    const { feed, transport } = exported('a');
    expect(await transport.fetchPage('c1')).toEqual({ kind: 'not-modified' });
    feed.putItems(article('b'));
    feed.exportStatic();
    expect(ids(await transport.fetchPage('c1'))).toEqual(['b']);
  });

  it('returns retry when a page file listed in the head is gone', async () => {
    const { feed, transport } = exported('a', 'b', 'c');
    await transport.fetchPage(undefined);
    feed.putItems(article('d'), article('e'), article('f'));
    feed.exportStatic();
    (feed as unknown as { statics: Map<string, string> }).statics.delete('pages/1-2.json');
    expect(await transport.fetchPage('c2')).toMatchObject({ kind: 'retry' });
  });

  it('returns fatal naming the file when the head is not a static feed head', async () => {
    const feed = new FakeFeed();
    const transport = createStaticTransport({ baseUrl: base, fetch: feed.fetch });
    expect(await transport.fetchPage(undefined)).toMatchObject({
      kind: 'fatal',
      reason: 'HTTP 404 from the feed',
    });
  });
});
