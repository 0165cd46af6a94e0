import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSetting, lastBatch } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { requestContent } from '@/lib/knowledge/whats-new';
import { rowsOf } from '@/server/insights/test-support';
import { startServer, type RunningServer } from '@/server/main';
import { TEST_NOW, tempStore, tokenFor } from '@/server/test-fixtures';
import { dexieRequestQueue, sendContentRequests, wireRequest } from './content-requests';
import type { Fetch } from './types';

/** The extension's content-request sender against a real server on 127.0.0.1 (SQLite file). */
let env: Awaited<ReturnType<typeof tempStore>>;
let server: RunningServer;
let token: string;
const AT = TEST_NOW.getTime();
const ticket = {
  app: 'zendesk',
  screen: 'ticket',
  record: { type: 'ticket', id: '4711' },
  context: { subject: 'CANARY customer subject' },
};

beforeAll(async () => {
  env = await tempStore();
  token = await tokenFor(env.store, 'learner@example.com', 'learner', 'emea');
  server = await startServer(env.store, { host: '127.0.0.1', port: 0, log: () => {} });
});
afterAll(async () => {
  await server.close();
  await env.cleanup();
});

const realFetch: Fetch = (input, init) => fetch(input, init);
function deps(db: ReturnType<typeof testDatabase>, fetch: Fetch = realFetch) {
  const logs: string[] = [];
  return {
    logs,
    deps: {
      queue: dexieRequestQueue(db),
      serverUrl: server.url,
      token,
      fetch,
      log: (text: string) => logs.push(text),
      now: () => AT,
    },
  };
}
const stored = async () => rowsOf(env.store, 'ins_content_requests');

describe('sendContentRequests against the real server', () => {
  it('sends the scrubbed words with the app and screen, then forgets the request; nothing of the page or the sender is stored', async () => {
    const db = testDatabase();
    await requestContent(
      db,
      {
        text: 'How do I merge tickets? Mail jane@customer.example or call +44 20 7946 0958',
        query: 'Merge 4711',
        detection: ticket,
      },
      AT,
    );
    const before = (await stored()).length;
    const result = await sendContentRequests(deps(db).deps);
    expect(result).toEqual({ sent: 1, dropped: 0 });
    expect(await getSetting(db, 'pendingContentRequests')).toEqual([]);
    const rows = await stored();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      day: '2026-06-15',
      app: 'zendesk',
      screen: 'ticket',
      query: 'merge #',
      text: 'how do i merge tickets mail or call',
    });
    const everything = JSON.stringify([rows, (await lastBatch(db))?.body]);
    for (const canary of ['CANARY', 'jane@', '7946', '4711', 'learner@example.com'])
      expect(everything).not.toContain(canary);
  });

  it('keeps every request while the server cannot be reached or answers 503, and sends them later', async () => {
    const db = testDatabase();
    await requestContent(db, { text: 'how are views shared', detection: ticket }, AT);
    const offline: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect((await sendContentRequests(deps(db, offline).deps)).keptBecause).toBeDefined();
    const busy: Fetch = () => Promise.resolve(new Response('busy', { status: 503 }));
    expect((await sendContentRequests(deps(db, busy).deps)).keptBecause).toBeDefined();
    expect(await getSetting(db, 'pendingContentRequests')).toHaveLength(1);
    expect(await sendContentRequests(deps(db).deps)).toEqual({ sent: 1, dropped: 0 });
    expect(await getSetting(db, 'pendingContentRequests')).toEqual([]);
  });

  it('stores a request once when its answer is lost and it is sent again under the same id', async () => {
    const db = testDatabase();
    await requestContent(db, { text: 'where is the refund macro', detection: ticket }, AT);
    const [queued] = await getSetting(db, 'pendingContentRequests');
    const lostAnswer: Fetch = async (input, init) => {
      await (await fetch(input, init)).arrayBuffer();
      throw new TypeError('network error: the answer was lost');
    };
    await sendContentRequests(deps(db, lostAnswer).deps);
    expect(await getSetting(db, 'pendingContentRequests')).toHaveLength(1);
    expect(await sendContentRequests(deps(db).deps)).toEqual({ sent: 1, dropped: 0 });
    expect((await stored()).filter((r) => r.id === queued!.id)).toHaveLength(1);
    expect(await getSetting(db, 'pendingContentRequests')).toEqual([]);
  });

  it('keeps a request made while a send is under way', async () => {
    const db = testDatabase();
    await requestContent(db, { text: 'first request words', detection: ticket }, AT);
    const meanwhile: Fetch = async (input, init) => {
      await requestContent(db, { text: 'second request words', detection: ticket }, AT);
      return fetch(input, init);
    };
    await sendContentRequests(deps(db, meanwhile).deps);
    const left = await getSetting(db, 'pendingContentRequests');
    expect(left.map((r) => r.text)).toEqual(['second request words']);
  });

  it('gives an id to a request queued before ids and keeps it across sends', async () => {
    const db = testDatabase();
    const { setSetting } = await import('@/lib/db');
    await setSetting(db, 'pendingContentRequests', [
      { text: 'an older queued request', query: '', app: 'zendesk', at: AT },
    ]);
    const offline: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    await sendContentRequests(deps(db, offline).deps);
    const [first] = await getSetting(db, 'pendingContentRequests');
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
    await sendContentRequests(deps(db, offline).deps);
    expect((await getSetting(db, 'pendingContentRequests'))[0]?.id).toBe(first?.id);
  });

  it('drops a request with nothing left once scrubbed, without sending it', async () => {
    const db = testDatabase();
    await requestContent(db, { text: 'jane@customer.example 4711', detection: ticket }, AT);
    let calls = 0;
    const counting: Fetch = (input, init) => ((calls += 1), fetch(input, init));
    const { deps: d, logs } = deps(db, counting);
    expect(await sendContentRequests(d)).toEqual({ sent: 0, dropped: 1 });
    expect(calls).toBe(0);
    expect(logs.join('\n')).toContain('nothing left to send once scrubbed');
    expect(await getSetting(db, 'pendingContentRequests')).toEqual([]);
  });
});

describe('wireRequest', () => {
  it('leaves out the query when scrubbing leaves nothing of it', () => {
    expect(
      wireRequest({
        id: '0c0ffee0-0000-4000-8000-000000000001',
        text: 'how to merge',
        query: '4711@x.io',
        at: AT,
      }),
    ).toEqual({
      id: '0c0ffee0-0000-4000-8000-000000000001',
      day: '2026-06-15',
      text: 'how to merge',
    });
  });
});
