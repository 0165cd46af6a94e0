import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastBatch, peekEvents, recordEvents, type WaymarkDatabase } from '@/lib/db';
import type { InsightEvent } from '@/lib/insights';
import { testDatabase } from '@/lib/db/test-support';
import { flushAnchorReports, type AnchorReport, type AnchorReportDeps } from './anchor-reports';
import { dexieOutbox } from './event-outbox';
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
    outbox: dexieOutbox(db),
    serverUrl: 'https://waymark.example.com/',
    token: 'secret',
    fetch,
    log: (text) => logs.push(text),
    ...over,
  };
  return { deps, logs };
}

const at = Date.parse('2026-06-15T09:30:00Z');
const record = (event: InsightEvent) => recordEvents(db, [event], { at });
const unresolved = (id: string, screen: string | null = 'ticket', app = 'desk', count = 1) =>
  record({
    type: 'tip_unresolved',
    v: 1,
    day: '2026-06-15',
    app,
    ...(screen === null ? {} : { screen }),
    tip: id,
    count,
  });
const step = { type: 'lesson_step', v: 1, day: '2026-06-15', lesson: 'l', step: 0 } as const;

const queuedTypes = async () => (await peekEvents(db, 10_000)).map((e) => e.event.type);

describe('flushAnchorReports', () => {
  it('sends one row per tip, app and screen with how often it failed, and nothing else', async () => {
    await unresolved('a');
    await unresolved('a');
    await unresolved('b');
    await unresolved('a', 'list');
    await unresolved('a', 'ticket', 'crm', 2);
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

  it('keeps the request it sent for "What Waymark sends"', async () => {
    await unresolved('a');
    await flushAnchorReports({ ...depsFor(reportServer().fetch).deps, now: () => at });
    expect(await lastBatch(db)).toEqual({
      at: '2026-06-15T09:30:00.000Z',
      url: 'https://waymark.example.com/v1/anchor-reports',
      body: '{"items":[{"id":"a","app":"desk","screen":"ticket","count":1}]}',
      outcome: 'taken',
    });
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
    await unresolved('a', 'ticket', 'desk', 10_001);
    const server = reportServer();
    await flushAnchorReports(depsFor(server.fetch).deps);
    expect(server.sent[0]?.items.map((r) => r.count)).toEqual([10_000, 1]);
  });

  it('deletes only the tip_unresolved events it sent; a failure meanwhile starts a new event', async () => {
    await record(step);
    await unresolved('a');
    await record({ ...step, step: 1 });
    const server = reportServer();
    const deps = depsFor(server.fetch).deps;
    const fetch: Fetch = async (url, init) => {
      await unresolved('a'); // the tip fails again while the request is on its way
      return server.fetch(url, init);
    };
    await flushAnchorReports({ ...deps, fetch });
    expect((await peekEvents(db, 10)).map((e) => e.event)).toMatchObject([
      { type: 'lesson_step', step: 0 },
      { type: 'lesson_step', step: 1 },
      { type: 'tip_unresolved', count: 1 },
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
    expect(await queuedTypes()).toEqual(['tip_unresolved']);
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

  it('sends no request when no tip_unresolved event is queued', async () => {
    await record(step);
    const server = reportServer();
    expect(await flushAnchorReports(depsFor(server.fetch).deps)).toEqual({ sent: 0, dropped: 0 });
    expect(server.sent).toEqual([]);
    expect(await queuedTypes()).toEqual(['lesson_step']);
  });

  it('sends nothing for a static feed', async () => {
    await unresolved('a');
    const server = reportServer();
    const serverUrl = 'https://cdn.example.com/waymark/head.json';
    await flushAnchorReports(depsFor(server.fetch, { serverUrl }).deps);
    expect(server.sent).toEqual([]);
    expect(await queuedTypes()).toEqual(['tip_unresolved']);
  });
});
