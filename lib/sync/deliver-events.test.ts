import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastBatch, peekEvents, recordEvents, type WaymarkDatabase } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { collectionPolicy, type EventOf, type InsightEvent } from '@/lib/insights';
import {
  SERVER,
  TODAY,
  everythingPolicy,
  flushOnce,
  newReceiver,
  receivedTally,
  receiverFetch,
  requestBody,
  tally,
} from './delivery-harness';
import type { Fetch } from './types';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

const at = Date.parse(`${TODAY}T09:30:00Z`);
const step = (n: number): EventOf<'lesson_step'> => ({
  type: 'lesson_step',
  v: 1,
  day: TODAY,
  lesson: 'triage',
  step: n,
});
const steps = (n: number) => Array.from({ length: n }, (_, i) => step(i % 200));
const record = (events: InsightEvent[]) => recordEvents(db, events, { at });
const queued = async () => (await peekEvents(db, 100_000)).length;

/** A fetch that records every request and answers with `status` and `body`. */
function answering(status: number, body: unknown = {}) {
  const requests: { url: string; body: { install: string; events: { seq: number }[] } }[] = [];
  const fetch: Fetch = (url, init) => {
    requests.push({ url, body: requestBody(init) });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return { requests, fetch };
}

describe('deliverEvents', () => {
  it('sends at most 500 events a request to /v1/events and deletes what the server confirmed', async () => {
    await record(steps(1_001));
    const receiver = newReceiver();
    const requests: number[] = [];
    const fetch: Fetch = (url, init) => {
      expect(url).toBe(`${SERVER}/v1/events`);
      requests.push(requestBody(init).events.length);
      return receiverFetch(receiver)(url, init);
    };
    const { result } = await flushOnce(db, fetch);
    expect(requests).toEqual([500, 500, 1]);
    expect(result).toEqual({ accepted: 1_001, duplicates: 0, rejected: 0, requests: 3 });
    expect(await queued()).toBe(0);
  });

  it('sends each event with its seq and the install id, the same install id every time', async () => {
    await record([step(0)]);
    const server = answering(200, { accepted: [], duplicates: [], rejected: [] });
    await flushOnce(db, server.fetch);
    await flushOnce(db, server.fetch);
    const [first, second] = server.requests;
    const [row] = await peekEvents(db, 1);
    expect(first!.body.events).toEqual([{ ...step(0), seq: row!.seq }]);
    expect(second!.body).toEqual(first!.body);
  });

  it('resends a batch whose answer was lost, and the server counts it once', async () => {
    await record([step(0), step(1)]);
    const receiver = newReceiver();
    expect(
      (await flushOnce(db, receiverFetch(receiver, ['lost-answer']))).result?.keptBecause,
    ).toMatch(/lost/);
    expect(await queued()).toBe(2);
    const { result } = await flushOnce(db, receiverFetch(receiver));
    expect(result).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(receivedTally(receiver)).toEqual(tally([step(0), step(1)]));
  });

  it('deletes rejected events (by index) and keeps nothing the server settled', async () => {
    await record([step(0), step(1)]);
    const seqs = (await peekEvents(db, 10)).map((r) => r.seq);
    const body = {
      accepted: [seqs[0]],
      duplicates: [],
      rejected: [{ index: 1, reason: 'not_allowed' }],
    };
    const { result } = await flushOnce(db, answering(200, body).fetch);
    expect(result).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await queued()).toBe(0);
  });

  it('keeps the events when the answer confirms none of them, or is not the contract', async () => {
    await record([step(0)]);
    const none = await flushOnce(
      db,
      answering(200, { accepted: [999], duplicates: [], rejected: [] }).fetch,
    );
    expect(none.result?.keptBecause).toBe('the server confirmed none of the events sent');
    const odd = await flushOnce(db, answering(200, { ok: true }).fetch);
    expect(odd.result?.keptBecause).toBe('the server’s answer does not follow the events contract');
    expect(await queued()).toBe(1);
  });

  it.each([
    [401, 'the server refused the sign-in token (HTTP 401)'],
    [429, 'The server asked us to slow down (HTTP 429)'],
    [503, 'The server had a problem (HTTP 503)'],
    [400, 'the server answered HTTP 400: {}'],
  ])('keeps every event and stops when the server answers %i', async (status, reason) => {
    await record(steps(600));
    const server = answering(status);
    const { result } = await flushOnce(db, server.fetch);
    expect(result).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      requests: 1,
      keptBecause: reason,
    });
    expect(await queued()).toBe(600);
  });

  it('halves the batch on 413 until the server takes it', async () => {
    await record(steps(10));
    const receiver = newReceiver();
    const sizes: number[] = [];
    const fetch: Fetch = (url, init) => {
      const size = requestBody(init).events.length;
      sizes.push(size);
      return size > 3
        ? Promise.resolve(new Response('', { status: 413 }))
        : receiverFetch(receiver)(url, init);
    };
    await flushOnce(db, fetch, { batchSize: 10 });
    expect(sizes).toEqual([10, 5, 3, 3, 3, 1]);
    expect(await queued()).toBe(0);
  });

  it('reports a server without /v1/events and keeps the events', async () => {
    await record([step(0)]);
    const { result } = await flushOnce(db, answering(404).fetch);
    expect(result).toMatchObject({ endpointMissing: true, requests: 1 });
    expect(await queued()).toBe(1);
  });

  it('makes no request at policy off and deletes what was queued', async () => {
    await record(steps(3));
    const server = answering(200);
    const off = collectionPolicy({
      level: 'off',
      usageOptedOut: false,
      optOutAllowed: true,
      hasImpactKey: false,
    });
    const { result } = await flushOnce(db, server.fetch, { deps: { policy: off } });
    expect(server.requests).toEqual([]);
    expect(result?.requests).toBe(0);
    expect(await queued()).toBe(0);
  });

  it('deletes unsent the events a lowered policy no longer allows, and sends the rest', async () => {
    const shown: EventOf<'tip_shown'> = {
      type: 'tip_shown',
      v: 1,
      day: TODAY,
      app: 'zendesk',
      tip: 't',
      count: 2,
    };
    await record([step(0), shown]);
    const receiver = newReceiver();
    const aggregate = collectionPolicy({
      level: 'aggregate',
      usageOptedOut: false,
      optOutAllowed: true,
      hasImpactKey: false,
    });
    await flushOnce(db, receiverFetch(receiver), { deps: { policy: aggregate } });
    expect(receiver.rows().map((r) => r.event)).toEqual([shown]);
    expect(await queued()).toBe(0);
  });

  it('sends nothing to a static feed', async () => {
    await record([step(0)]);
    const server = answering(200);
    await flushOnce(db, server.fetch, {
      deps: { serverUrl: 'https://cdn.example.com/w/head.json' },
    });
    expect(server.requests).toEqual([]);
    expect(await queued()).toBe(1);
  });

  it('keeps the last request verbatim, with the answer in words, for the options page', async () => {
    await record([step(0)]);
    const receiver = newReceiver();
    await flushOnce(db, receiverFetch(receiver), { deps: { policy: everythingPolicy } });
    const batch = await lastBatch(db);
    const { install } = receiver.rows()[0]!;
    expect(batch).toEqual({
      at: '2026-06-15T09:30:00.000Z',
      url: `${SERVER}/v1/events`,
      body: JSON.stringify({ install, events: [{ ...step(0), seq: receiver.rows()[0]!.seq }] }),
      outcome: '1 accepted, 0 already there, 0 rejected',
    });
  });
});
