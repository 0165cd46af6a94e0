import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GapsView } from '@/lib/insights/views';
import { createApp } from '../app';
import { testBackends, tokenFor, type TempStore } from '../test-fixtures';
import { failedSearch, INSTALL, movableClock, rowsOf } from './test-support';

const id = (n: number) => `0c0ffee0-0000-4000-8000-${String(n).padStart(12, '0')}`;
const request = (n: number, fields: Record<string, unknown> = {}) => ({
  id: id(n),
  day: '2026-06-10',
  app: 'zendesk',
  screen: 'ticket',
  query: 'merge tickets',
  text: 'how do i merge two tickets from the same customer',
  ...fields,
});
const PERIOD = 'since=2026-06-01&until=2026-06-30';

describe.each(testBackends())('POST /v1/content-requests on $name', (backend) => {
  const t = {} as { env: TempStore; app: ReturnType<typeof createApp>; learner: string };
  beforeEach(async () => {
    t.env = await backend.open(movableClock('2026-06-15T10:00:00.000Z').now);
    t.app = createApp(t.env.store, { log: false, authFailuresPerMinute: 1_000 });
    t.learner = await tokenFor(t.env.store, 'learner@example.com', 'learner', 'emea');
  });
  afterEach(() => t.env.cleanup());
  const send = (method: string, path: string, token: string | undefined, body: unknown) =>
    t.app.request(path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });
  const get = (path: string, token: string) =>
    t.app.request(path, { headers: { Authorization: `Bearer ${token}` } });
  const post = (body: unknown, token = t.learner) =>
    send('POST', '/v1/content-requests', token, body);

  it('stores new requests once, answers a resend as duplicates and rejects bad ones by index while the good ones land', async () => {
    const first = await post({
      requests: [
        request(1),
        request(2, { text: 'call jane on +44 20 7946 0958 about order 4411' }),
        request(3, { url: 'https://acme.zendesk.com/agent/tickets/4411' }),
        request(4, { day: '2099-01-01' }),
        request(5, { app: 'Zendesk Support' }),
        request(8, { day: '2026-03-16' }),
        request(6, { screen: undefined, query: undefined, text: 'a guide to macros' }),
      ],
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      accepted: [id(1), id(6)],
      duplicates: [],
      rejected: [
        { index: 1, id: id(2), detail: 'text: the words are not normalised and scrubbed' },
        { index: 2, id: id(3), detail: expect.stringContaining('url') as string },
        { index: 3, id: id(4), detail: 'day: 2099-01-01 is in the future' },
        { index: 4, id: id(5), detail: expect.stringContaining('app') as string },
        {
          index: 5,
          id: id(8),
          detail: 'day: 2026-03-16 is older than the 90 days requests are kept',
        },
      ],
    });
    const again = await post({ requests: [request(1), request(7)] });
    expect(await again.json()).toEqual({
      accepted: [id(7)],
      duplicates: [id(1)],
      rejected: [],
    });
    const rows = await rowsOf(t.env.store, 'ins_content_requests');
    expect(rows.map((r) => r.id).sort()).toEqual([id(1), id(6), id(7)]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('learner@example.com');
    expect(stored).not.toContain('4411');
  });

  it('refuses a body with an unknown field, no requests or more than 50 with 400, storing nothing', async () => {
    for (const body of [
      { requests: [request(1)], user: 'learner@example.com' },
      { requests: [] },
      { requests: Array.from({ length: 51 }, (_, i) => request(i + 1)) },
      [request(1)],
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await rowsOf(t.env.store, 'ins_content_requests')).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    expect(
      (await send('POST', '/v1/content-requests', undefined, { requests: [request(1)] })).status,
    ).toBe(401);
  });

  it('joins requests to the gaps: a count and the newest words per screen, a screen with only requests listed too', async () => {
    await send('POST', '/v1/events', t.learner, {
      install: INSTALL,
      events: [
        {
          ...failedSearch('2026-06-10', 'merge tickets', { app: 'zendesk', screen: 'ticket' }),
          seq: 1,
        },
      ],
    });
    await post({
      requests: [
        request(1),
        request(2, { day: '2026-06-12', text: 'which macro closes a duplicate' }),
        request(3, { screen: 'views', query: undefined, text: 'how are views shared' }),
        request(4, { day: '2026-05-01', text: 'before the period' }),
      ],
    });
    const author = await tokenFor(t.env.store, 'author@example.com', 'author');
    const res = await get(`/v1/insights/gaps?${PERIOD}`, author);
    expect(res.status).toBe(200);
    const view = (await res.json()) as GapsView;
    expect(view.requests).toBe(3);
    const byKey = new Map(view.gaps.map((g) => [g.key, g]));
    expect(byKey.get('zendesk/ticket')).toMatchObject({
      failed: 1,
      requests: 2,
      requested: [
        { day: '2026-06-12', text: 'which macro closes a duplicate' },
        { day: '2026-06-10', text: 'how do i merge two tickets from the same customer' },
      ],
    });
    expect(byKey.get('zendesk/views')).toMatchObject({
      app: 'zendesk',
      screen: 'views',
      searches: 0,
      requests: 1,
      requested: [{ day: '2026-06-10', text: 'how are views shared' }],
      status: 'open',
    });
    const csv = await (
      await get(`/v1/insights/gaps?${PERIOD}&format=csv&table=requests`, author)
    ).text();
    expect(csv.split('\r\n')).toContain('zendesk,views,2026-06-10,how are views shared');
    expect((await get(`/v1/insights/gaps?${PERIOD}`, t.learner)).status).toBe(403);
  });

  it('prunes requests with the raw events, after 90 days', async () => {
    await post({
      requests: [request(1, { day: '2026-06-10' }), request(2, { day: '2026-06-14' })],
    });
    const counts = await t.env.store.pruneInsights('2026-09-10');
    expect(counts.content_requests).toBe(1);
    expect((await rowsOf(t.env.store, 'ins_content_requests')).map((r) => r.id)).toEqual([id(2)]);
  });
});
