import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent, countAgain, peekEvents, type WaymarkDatabase } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { flushAnchorReports, type AnchorReport, type AnchorReportDeps } from './anchor-reports';
import type { Fetch } from './types';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

type Answer = number | 'network';

/** A fake `/v1/anchor-reports` answering from a queue (200 once it is empty), recording bodies. */
function reportServer(...answers: Answer[]) {
  const sent: { url: string; auth: string | null; items: AnchorReport[] }[] = [];
  const fetch: Fetch = (url, init) => {
    const answer = answers.shift() ?? 200;
    if (answer === 'network') return Promise.reject(new TypeError('fetch failed'));
    const body = JSON.parse(init?.body as string) as { items: AnchorReport[] };
    sent.push({ url, auth: new Headers(init?.headers).get('authorization'), items: body.items });
    return Promise.resolve(new Response('{"error":"bad_request"}', { status: answer }));
  };
  return { sent, fetch };
}

function depsFor(fetch: Fetch, over: Partial<AnchorReportDeps> = {}) {
  const logs: string[] = [];
  const deps: AnchorReportDeps = {
    db,
    serverUrl: 'https://waymark.example.com/',
    token: 'secret',
    fetch,
    log: (text) => logs.push(text),
    ...over,
  };
  return { deps, logs };
}

const unresolved = (id: string, screen: string | null = 'ticket', app = 'desk') =>
  appendEvent(db, { type: 'tip-unresolved', at: 1, data: { id, app, screen } });

const queuedTypes = async () => (await peekEvents(db, 10_000)).map((e) => e.type);

describe('flushAnchorReports', () => {
  it('sends one row per tip, app and screen with how often it failed, and nothing else', async () => {
    await unresolved('a');
    await unresolved('a');
    await unresolved('b');
    await unresolved('a', 'list');
    const seq = await unresolved('a', 'ticket', 'crm');
    await countAgain(db, seq, 2);
    const server = reportServer();
    const result = await flushAnchorReports(depsFor(server.fetch).deps);
    expect(server.sent).toEqual([
      {
        url: 'https://waymark.example.com/v1/anchor-reports',
        auth: 'Bearer secret',
        items: [
          { id: 'a', app: 'desk', screen: 'ticket', count: 2 },
          { id: 'b', app: 'desk', screen: 'ticket', count: 1 },
          { id: 'a', app: 'desk', screen: 'list', count: 1 },
          { id: 'a', app: 'crm', screen: 'ticket', count: 2 },
        ],
      },
    ]);
    expect(result).toEqual({ sent: 6, dropped: 0 });
    expect(await queuedTypes()).toEqual([]);
  });

  it('sends "unknown" as the screen of a page that matched no screen', async () => {
    await unresolved('a', null);
    const server = reportServer();
    await flushAnchorReports(depsFor(server.fetch).deps);
    expect(server.sent[0]?.items).toEqual([{ id: 'a', app: 'desk', screen: 'unknown', count: 1 }]);
  });

  it('sends at most 500 rows a request and acknowledges each accepted request', async () => {
    for (let n = 0; n < 1001; n++) await unresolved(`tip-${n}`);
    const server = reportServer();
    const result = await flushAnchorReports(depsFor(server.fetch).deps);
    expect(server.sent.map((r) => r.items.length)).toEqual([500, 500, 1]);
    expect(result.sent).toBe(1001);
    expect(await queuedTypes()).toEqual([]);
  });

  it('splits a count past the server maximum into rows it accepts', async () => {
    const seq = await unresolved('a');
    await db.outbox.update(seq, { count: 10_001 });
    const server = reportServer();
    await flushAnchorReports(depsFor(server.fetch).deps);
    expect(server.sent[0]?.items.map((r) => r.count)).toEqual([10_000, 1]);
  });

  it('acknowledges only the tip-unresolved events it sent, whatever their seq', async () => {
    await appendEvent(db, { type: 'view', at: 1, data: { id: 'a' } });
    const seq = await unresolved('a');
    await appendEvent(db, { type: 'vote', at: 2, data: { id: 'a', helpful: true } });
    const server = reportServer();
    const deps = depsFor(server.fetch).deps;
    const fetch: Fetch = async (url, init) => {
      await countAgain(db, seq, 3); // the tip fails again while the request is on its way
      return server.fetch(url, init);
    };
    await flushAnchorReports({ ...deps, fetch });
    expect(await peekEvents(db, 10)).toMatchObject([
      { type: 'view' },
      { type: 'tip-unresolved', seq, count: 1 },
      { type: 'vote' },
    ]);
  });

  it.each<Answer>([500, 503, 429, 'network'])(
    'keeps every event and stops when the server answers %s',
    async (answer) => {
      for (let n = 0; n < 501; n++) await unresolved(`tip-${n}`);
      const server = reportServer(answer);
      const { deps, logs } = depsFor(server.fetch);
      const result = await flushAnchorReports(deps);
      expect(server.sent.length).toBeLessThanOrEqual(1);
      expect(result).toMatchObject({ sent: 0, dropped: 0 });
      expect(result.keptBecause).toMatch(/HTTP|reached/);
      expect(logs.join('\n')).toMatch(/kept for the next sync/);
      expect(await queuedTypes()).toHaveLength(501);
    },
  );

  it.each([401, 403])('keeps the events when the server refuses the token (%s)', async (status) => {
    await unresolved('a');
    const { deps, logs } = depsFor(reportServer(status).fetch);
    const result = await flushAnchorReports(deps);
    expect(result.keptBecause).toBe(`the server refused the sign-in token (HTTP ${status})`);
    expect(logs).toHaveLength(1);
    expect(await queuedTypes()).toEqual(['tip-unresolved']);
  });

  it('drops a batch the server refuses as malformed (400) with a warning, and sends the next', async () => {
    for (let n = 0; n < 501; n++) await unresolved(`tip-${n}`);
    const server = reportServer(400);
    const { deps, logs } = depsFor(server.fetch);
    const result = await flushAnchorReports(deps);
    expect(server.sent.map((r) => r.items.length)).toEqual([500, 1]);
    expect(result).toEqual({ sent: 1, dropped: 500 });
    expect(logs).toEqual([
      'the server refused 500 broken-anchor reports, dropped: HTTP 400: {"error":"bad_request"}',
    ]);
    expect(await queuedTypes()).toEqual([]);
  });

  it('drops events it cannot read without sending them', async () => {
    await appendEvent(db, { type: 'tip-unresolved', at: 1, data: { id: 'Not a slug!', app: 'x' } });
    await unresolved('a');
    const server = reportServer();
    const { deps, logs } = depsFor(server.fetch);
    expect(await flushAnchorReports(deps)).toEqual({ sent: 1, dropped: 1 });
    expect(server.sent[0]?.items.map((r) => r.id)).toEqual(['a']);
    expect(logs).toEqual(['dropped 1 unreadable tip-unresolved events']);
  });

  it('sends no request when no tip-unresolved event is queued', async () => {
    await appendEvent(db, { type: 'view', at: 1 });
    const server = reportServer();
    expect(await flushAnchorReports(depsFor(server.fetch).deps)).toEqual({ sent: 0, dropped: 0 });
    expect(server.sent).toEqual([]);
    expect(await queuedTypes()).toEqual(['view']);
  });

  it('sends nothing for a static feed', async () => {
    await unresolved('a');
    const server = reportServer();
    const serverUrl = 'https://cdn.example.com/waymark/head.json';
    await flushAnchorReports(depsFor(server.fetch, { serverUrl }).deps);
    expect(server.sent).toEqual([]);
    expect(await queuedTypes()).toEqual(['tip-unresolved']);
  });
});
