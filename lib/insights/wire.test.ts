import { describe, expect, it } from 'vitest';
import { createReferenceReceiver } from './reference-receiver';
import { sampleEvents } from './test-events';
import { MAX_BATCH_EVENTS, parseEventsRequest } from './wire';

const install = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const today = '2026-06-15';
const wire = sampleEvents.map((event, i) => ({ ...event, seq: i + 1 }));

describe('parseEventsRequest', () => {
  it('returns every event with its index and seq when all are good', () => {
    const parsed = parseEventsRequest({ install, events: wire }, { today });
    expect(parsed).toMatchObject({ ok: true, install, rejected: [] });
    expect(parsed.ok && parsed.events.map((e) => [e.index, e.seq])).toEqual(
      wire.map((e, i) => [i, e.seq]),
    );
  });

  it.each([
    ['an unknown top-level field', { install, events: wire, user: 'jane@acme.com' }],
    ['a bad install id', { install: 'abc', events: wire }],
    ['no events', { install, events: [] }],
    [
      'more than 500 events',
      { install, events: Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => wire[0]) },
    ],
  ])('returns a request error for %s', (_what, body) => {
    expect(parseEventsRequest(body, { today }).ok).toBe(false);
  });

  it('rejects bad events by index with a reason while the good ones land', () => {
    const events = [
      wire[0],
      { ...wire[1], url: 'https://acme.zendesk.com/agent/tickets/4711' },
      { ...wire[2], v: 2 },
      { ...wire[3], day: '2026-03-01' },
      { ...wire[4], seq: 0 },
      'not an event',
      { ...wire[5], day: '2026-06-17' },
    ];
    const parsed = parseEventsRequest({ install, events }, { today });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.events.map((e) => e.index)).toEqual([0]);
    expect(parsed.rejected.map(({ index, seq, reason }) => ({ index, seq, reason }))).toEqual([
      { index: 1, seq: 2, reason: 'invalid' },
      { index: 2, seq: 3, reason: 'unsupported_version' },
      { index: 3, seq: 4, reason: 'out_of_range' },
      { index: 4, seq: undefined, reason: 'invalid' },
      { index: 5, seq: undefined, reason: 'invalid' },
      { index: 6, seq: 6, reason: 'out_of_range' },
    ]);
    expect(parsed.rejected[0]?.detail).toMatch(/url/);
  });
});

describe('createReferenceReceiver', () => {
  it('inserts new (install, seq) pairs once and answers repeats as duplicates', () => {
    const receiver = createReferenceReceiver(() => today);
    const first = receiver.receive({ install, events: wire.slice(0, 3) });
    const again = receiver.receive({ install, events: wire.slice(1, 5) });
    expect(first).toEqual({
      status: 200,
      body: { accepted: [1, 2, 3], duplicates: [], rejected: [] },
    });
    expect(again).toEqual({
      status: 200,
      body: { accepted: [4, 5], duplicates: [2, 3], rejected: [] },
    });
    expect(receiver.rows().map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps installs apart: the same seq from another install is new', () => {
    const receiver = createReferenceReceiver(() => today);
    receiver.receive({ install, events: wire.slice(0, 1) });
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    expect(receiver.receive({ install: other, events: wire.slice(0, 1) }).body).toMatchObject({
      accepted: [1],
    });
  });

  it('answers 400 to a malformed request and stores nothing', () => {
    const receiver = createReferenceReceiver(() => today);
    expect(receiver.receive({ events: wire }).status).toBe(400);
    expect(receiver.rows()).toEqual([]);
  });
});
