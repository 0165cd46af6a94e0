import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peekEvents, recordEvents } from '@/lib/db';
import { testDatabase, tip } from '@/lib/db/test-support';
import { collectionPolicy } from '@/lib/insights';
import { InsightRecorder, KnowledgeService, memoryTabPages } from '@/lib/knowledge';
import { startServer, type RunningServer } from '@/server/main';
import { TEST_NOW, tempStore, tokenFor } from '@/server/test-fixtures';
import { flushAnchorReports } from './anchor-reports';
import { dexieOutbox } from './event-outbox';
import { sendInsights } from './send-insights';

/** The extension's flush against a real server on 127.0.0.1 with a real SQLite file. */
const policy = collectionPolicy({
  level: 'aggregate',
  usageOptedOut: false,
  optOutAllowed: true,
  hasImpactKey: false,
});
let env: Awaited<ReturnType<typeof tempStore>>;
let server: RunningServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  env = await tempStore();
  tokens.learner = await tokenFor(env.store, 'learner@example.com', 'learner', 'emea');
  tokens.owner = await tokenFor(env.store, 'owner@example.com', 'author');
  await env.store.upsertItem({ ...tip('priority-tip'), owner: 'owner@example.com' }, 'ops');
  server = await startServer(env.store, { host: '127.0.0.1', port: 0, log: () => {} });
});
afterAll(async () => {
  await server.close();
  await env.cleanup();
});

async function verification(): Promise<Verification> {
  const response = await fetch(`${server.url}/v1/verification`, {
    headers: { Authorization: `Bearer ${tokens.owner}` },
  });
  return (await response.json()) as Verification;
}

interface Verification {
  broken_anchors: { id: string; app: string; screen: string; count: number; owner: string }[];
}

describe('broken-anchor reports against the real server', () => {
  it("shows a learner's failed anchors, counted, in the owner's verification list", async () => {
    const db = testDatabase();
    const tabs = memoryTabPages();
    const recorder = new InsightRecorder(db, tabs, () => Promise.resolve({ policy }));
    const knowledge = new KnowledgeService(db, tabs, undefined, recorder);
    for (let view = 0; view < 3; view++)
      await knowledge.tipUnresolved('priority-tip', 'zendesk', 'ticket');
    await knowledge.tipUnresolved('priority-tip', 'zendesk', null);
    await knowledge.tipUnresolved('not-on-the-server', 'zendesk', 'ticket');
    const read = {
      type: 'item_read',
      v: 1,
      day: '2026-06-15',
      item: 'priority-tip',
      count: 1,
    } as const;
    await recordEvents(db, [read], { at: 1 });

    const result = await flushAnchorReports({
      outbox: dexieOutbox(db),
      serverUrl: server.url,
      token: tokens.learner!,
      fetch: (input, init) => fetch(input, init),
      log: (text) => expect.fail(text),
    });

    expect(result).toEqual({ sent: 5, dropped: 0 });
    expect((await peekEvents(db, 10)).map((e) => e.event.type)).toEqual(['item_read']);
    const response = await fetch(`${server.url}/v1/verification`, {
      headers: { Authorization: `Bearer ${tokens.owner}` },
    });
    const { broken_anchors } = (await response.json()) as Verification;
    expect(broken_anchors).toMatchObject([
      {
        id: 'priority-tip',
        owner: 'owner@example.com',
        app: 'zendesk',
        screen: 'ticket',
        count: 3,
      },
      {
        id: 'priority-tip',
        owner: 'owner@example.com',
        app: 'zendesk',
        screen: 'unknown',
        count: 1,
      },
    ]);
    db.close();
  });

  it('sends the counts by the anchor-report route when the server has no /v1/events yet', async () => {
    // The real server, as one from before /v1/events answers that route.
    const olderServer: typeof fetch = (input, init) =>
      (input instanceof Request ? input.url : String(input)).endsWith('/v1/events')
        ? Promise.resolve(new Response('{"error":"not_found"}', { status: 404 }))
        : fetch(input, init);
    const db = testDatabase();
    const recorder = new InsightRecorder(db, memoryTabPages(), () => Promise.resolve({ policy }));
    await recorder.tipUnresolved('priority-tip', 'zendesk', 'list');
    await recorder.read(undefined, 'priority-tip');
    const result = await sendInsights({
      outbox: dexieOutbox(db),
      serverUrl: server.url,
      token: tokens.learner!,
      fetch: olderServer,
      log: (text) => expect.fail(text),
      policy,
      now: Date.now,
    });
    expect(result).toMatchObject({ endpointMissing: true, legacy: { sent: 1, dropped: 0 } });
    expect((await peekEvents(db, 10)).map((e) => e.event.type)).toEqual(['item_read']);
    db.close();
  });

  it('feeds the owner’s verification list from tip_unresolved events on /v1/events, each counted once', async () => {
    const db = testDatabase();
    const at = () => TEST_NOW.getTime();
    const recorder = new InsightRecorder(
      db,
      memoryTabPages(),
      () => Promise.resolve({ policy }),
      at,
    );
    for (let view = 0; view < 4; view++)
      await recorder.tipUnresolved('priority-tip', 'zendesk', 'search');
    const before = await verification();
    const row = (list: Verification['broken_anchors']) =>
      list.find((r) => r.screen === 'search')?.count ?? 0;
    const deps = {
      outbox: dexieOutbox(db),
      serverUrl: server.url,
      token: tokens.learner!,
      log: (text: string) => expect.fail(text),
      policy,
      now: at,
    };
    // The first answer is lost after the server stored the batch: the resend is a duplicate.
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!lose) return response;
      lose = false;
      throw new TypeError('network error: the answer was lost');
    };
    expect(await sendInsights({ ...deps, fetch: losing })).toMatchObject({ accepted: 0 });
    expect(await sendInsights({ ...deps, fetch: (i, init) => fetch(i, init) })).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    expect(row((await verification()).broken_anchors) - row(before.broken_anchors)).toBe(4);
    expect(await peekEvents(db, 10)).toEqual([]);
    db.close();
  });
});
