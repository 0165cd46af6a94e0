import { describe, expect, it } from 'vitest';
import { EVENT_VERSION, MAX_REQUEST_BYTES } from '@/lib/insights';
import { sampleEvents } from '@/lib/insights/test-events';
import { createApp } from '../app';
import { withTestApp } from '../test-app';
import { testBackends } from '../test-fixtures';
import { failedSearch, INSTALL, rowsOf } from './test-support';

const withSeq = (events: readonly object[], first = 1) =>
  events.map((e, i) => ({ ...e, seq: first + i }));

describe.each(testBackends())('POST /v1/events on $name', (backend) => {
  const { t, send, get } = withTestApp(backend);
  const post = (body: unknown, token = t.learner) => send('POST', '/v1/events', token, body);

  it('accepts new events, answers a resend as duplicates and rejects bad ones by index while the good ones land', async () => {
    const events = withSeq([
      sampleEvents[0]!,
      { ...sampleEvents[1]!, url: 'https://acme.zendesk.com/agent/tickets/4711' },
      { ...sampleEvents[2]!, v: 2 },
      failedSearch('2026-06-15', 'Refund 4711'),
      failedSearch('2026-01-01', undefined),
      sampleEvents[3]!,
    ]);
    const first = await post({ install: INSTALL, events });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      accepted: [1, 6],
      duplicates: [],
      rejected: [
        { index: 1, seq: 2, reason: 'invalid', detail: expect.stringContaining('url') as string },
        { index: 2, seq: 3, reason: 'unsupported_version' },
        {
          index: 3,
          seq: 4,
          reason: 'invalid',
          detail: 'query: the words are not normalised and scrubbed',
        },
        { index: 4, seq: 5, reason: 'out_of_range' },
      ],
    });
    const again = await post({
      install: INSTALL,
      events: [
        { ...sampleEvents[0]!, seq: 1 },
        { ...sampleEvents[3]!, seq: 6 },
        { ...sampleEvents[4]!, seq: 7 },
      ],
    });
    expect(await again.json()).toMatchObject({ accepted: [7], duplicates: [1, 6] });
    expect(await rowsOf(t.env.store, 'ins_events')).toHaveLength(3);
  });

  it('refuses a request with an unknown field, a bad install id or too many events with 400', async () => {
    for (const body of [
      { install: INSTALL, events: withSeq([sampleEvents[0]!]), user: 'ana@example.com' },
      { install: 'not-a-uuid', events: withSeq([sampleEvents[0]!]) },
      { install: INSTALL, events: withSeq(Array(501).fill(sampleEvents[0])) },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_request' });
    }
    expect(await rowsOf(t.env.store, 'ins_events')).toEqual([]);
  });

  it('answers 413 to a batch over the size limit', async () => {
    const big = 'x'.repeat(MAX_REQUEST_BYTES);
    const res = await t.app.request('/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.learner}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ install: INSTALL, events: [{ seq: 1, pad: big }] }),
    });
    expect(res.status).toBe(413);
  });

  it('stores nothing at all when the server’s analytics level is off', async () => {
    await t.env.store.putInsightSettings({ analytics: 'off' }, 'admin@example.com');
    const res = await post({ install: INSTALL, events: withSeq(sampleEvents) });
    const body = (await res.json()) as { accepted: number[]; rejected: { reason: string }[] };
    expect(body.accepted).toEqual([]);
    expect(body.rejected.every((r) => r.reason === 'not_allowed')).toBe(true);
    for (const table of [
      'ins_events',
      'ins_installs',
      'ins_marks',
      'ins_salts',
      'learning_records',
      'ins_item_day',
    ] as const)
      expect(await rowsOf(t.env.store, table), table).toEqual([]);
  });

  it('names learning records after the learner and shows them to that learner only', async () => {
    await post({ install: INSTALL, events: withSeq(sampleEvents) });
    const mine: unknown = await (await get('/v1/me/learning', t.learner)).json();
    expect(mine).toEqual({
      email: 'learner@example.com',
      lessons: [
        {
          lesson: 'triage',
          steps: [0],
          completed_on: '2026-06-15',
          questions: 2,
          correct: 1,
          answers: [
            { question: 'q1', choices: ['a'], correct: false, attempt: 1, day: '2026-06-15' },
          ],
        },
      ],
      paths: [{ path: 'week-1', completed_on: '2026-06-15' }],
    });
    expect(await (await get('/v1/me/learning', t.admin)).json()).toEqual({
      email: 'admin@example.com',
      lessons: [],
      paths: [],
    });
  });

  it('limits each user’s batches per minute with 429 and Retry-After', async () => {
    const app = createApp(t.env.store, { log: false, eventRequestsPerMinute: 2 });
    const one = () =>
      app.request('/v1/events', {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.learner}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ install: INSTALL, events: [{ ...sampleEvents[0], seq: 1 }] }),
      });
    expect((await one()).status).toBe(200);
    expect((await one()).status).toBe(200);
    const limited = await one();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another user is not held back by it.
    const other = await app.request('/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        install: INSTALL,
        events: [{ ...sampleEvents[0], seq: 2, v: EVENT_VERSION }],
      }),
    });
    expect(other.status).toBe(200);
  });

  it('tells a user whether their team is held out of guidance', async () => {
    expect(await (await get('/v1/me/holdout', t.learner)).json()).toEqual({ held_out: false });
    await t.env.store.putInsightSettings(
      { holdout: { design: 'staggered', teams: { emea: '2026-07-01' } } },
      'admin@example.com',
    );
    expect(await (await get('/v1/me/holdout', t.learner)).json()).toEqual({
      held_out: true,
      design: 'staggered',
      starts_on: '2026-07-01',
    });
  });
});
