import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peekEvents, recordEvents } from '@/lib/db';
import { testDatabase, tip } from '@/lib/db/test-support';
import { collectionPolicy } from '@/lib/insights';
import { InsightRecorder, KnowledgeService, memoryTabPages } from '@/lib/knowledge';
import { startServer, type RunningServer } from '@/server/main';
import { tempStore, tokenFor } from '@/server/test-fixtures';
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
    const db = testDatabase();
    const recorder = new InsightRecorder(db, memoryTabPages(), () => Promise.resolve({ policy }));
    await recorder.tipUnresolved('priority-tip', 'zendesk', 'list');
    await recorder.read(undefined, 'priority-tip');
    const result = await sendInsights({
      outbox: dexieOutbox(db),
      serverUrl: server.url,
      token: tokens.learner!,
      fetch: (input, init) => fetch(input, init),
      log: (text) => expect.fail(text),
      policy,
      now: Date.now,
    });
    expect(result).toMatchObject({ endpointMissing: true, legacy: { sent: 1, dropped: 0 } });
    expect((await peekEvents(db, 10)).map((e) => e.event.type)).toEqual(['item_read']);
    db.close();
  });
});
