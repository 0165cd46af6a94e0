import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installId, peekEvents, recordEvents, type WaymarkDatabase } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { EVENT_VERSION, type InsightEvent } from '@/lib/insights';
import {
  TODAY,
  flushOnce,
  newReceiver,
  receivedTally,
  receiverFetch,
  requestBody,
  tally,
  type Fault,
} from './delivery-harness';
import { startServer, type RunningServer } from '@/server/main';
import { tempStore, tokenFor } from '@/server/test-fixtures';
import { serverReceiver } from './server-receiver';
import type { Fetch } from './types';

/**
 * Exactly-once delivery: whatever the faults, every occurrence recorded reaches the receiver once —
 * 0 lost, 0 counted twice. Each scenario runs against the reference implementation of the
 * /v1/events contract and against the real server on 127.0.0.1 with a real SQLite file, whose
 * rollups must then hold exactly the raw rows' counts.
 */

/** What a scenario needs of a receiver: a fetch with faults, and what it holds from an install. */
interface Receiver {
  fetch(faults?: Fault[]): Fetch;
  tally(db: WaymarkDatabase): Promise<Map<string, number>>;
}

function reference(): Receiver {
  const receiver = newReceiver();
  return {
    fetch: (faults) => receiverFetch(receiver, faults),
    tally: () => Promise.resolve(receivedTally(receiver)),
  };
}

let env: Awaited<ReturnType<typeof tempStore>>;
let server: RunningServer;
let real: ReturnType<typeof serverReceiver>;
beforeAll(async () => {
  env = await tempStore();
  server = await startServer(env.store, {
    host: '127.0.0.1',
    port: 0,
    log: false,
    eventRequestsPerMinute: 1_000_000,
  });
  real = serverReceiver(server, env.store, await tokenFor(env.store, 'ana@example.com', 'learner'));
});
afterAll(async () => {
  await server.close();
  await env.cleanup();
});

/** The real server: one for every scenario, each scenario's device its own install. */
function realServer(): Receiver {
  return {
    fetch: (faults) => real.fetch(faults),
    tally: async (db) => real.tally(await installId(db)),
  };
}

const receivers = [
  { name: 'the reference receiver', make: reference },
  { name: 'the real server', make: realServer },
];

const at = Date.parse(`${TODAY}T09:30:00Z`);

const tipShown = (tip: string, day = TODAY): InsightEvent => ({
  type: 'tip_shown',
  v: EVENT_VERSION,
  day,
  app: 'zendesk',
  screen: 'ticket',
  tip,
  count: 1,
});
const search = (hour: number, day = TODAY): InsightEvent => ({
  type: 'search',
  v: EVENT_VERSION,
  day,
  hour,
  results: '0',
  ended: 'idle',
  query: 'merge tickets',
});

/** Flushes without faults until the outbox is empty (bounded, so a bug cannot loop forever). */
async function drain(db: WaymarkDatabase, fetch: Fetch, batchSize?: number): Promise<void> {
  for (let round = 0; round < 50; round++) {
    if ((await peekEvents(db, 1)).length === 0) return;
    await flushOnce(db, fetch, batchSize === undefined ? {} : { batchSize });
  }
  throw new Error('the outbox did not drain');
}

describe.each(receivers)('deliverEvents to $name — a flush killed at every await', ({ make }) => {
  it('loses nothing and counts nothing twice, wherever the worker dies', async () => {
    const events = [
      ...['a', 'b', 'a', 'c', 'a'].map((t) => tipShown(t)),
      search(1),
      search(2),
      search(3),
    ];
    const probe = testDatabase();
    await recordEvents(probe, events, { at });
    const { points } = await flushOnce(probe, make().fetch(), { batchSize: 2 });
    probe.close();
    expect(points).toBeGreaterThan(10);
    for (let killAt = 1; killAt <= points; killAt++) {
      const db = testDatabase();
      const receiver = make();
      await recordEvents(db, events, { at });
      const killed = await flushOnce(db, receiver.fetch(), { killAt, batchSize: 2 });
      expect(killed.killed, `kill point ${killAt} of ${points}`).toBe(true);
      // The tip keeps failing while the worker is down: these must land too, once.
      await recordEvents(db, [tipShown('a')], { at });
      await drain(db, receiver.fetch(), 2);
      expect(await receiver.tally(db), `killed at await ${killAt}`).toEqual(
        tally([...events, tipShown('a')]),
      );
      db.close();
    }
  });
});

const faultArb = fc.constantFrom<Fault>(
  ...Array<Fault>(6).fill('ok'),
  'twice', // a request delivered twice (≈ 10 %)
  'lost-answer',
  'network',
  'ok',
);
const step = fc.oneof(
  fc.record({
    kind: fc.constant('record' as const),
    events: fc.array(
      fc.oneof(
        fc.constantFrom('a', 'b', 'c').map((tip) => tipShown(tip)),
        fc.integer({ min: 0, max: 23 }).map((hour) => search(hour)),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  }),
  fc.record({
    kind: fc.constant('flush' as const),
    faults: fc.array(faultArb, { maxLength: 4 }),
    killAt: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  }),
);

describe.each(receivers)(
  'deliverEvents to $name — any interleaving of recording, faults and kills (property)',
  ({ make }) => {
    it('delivers every occurrence exactly once', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
          const db = testDatabase();
          const receiver = make();
          const recorded: InsightEvent[] = [];
          try {
            for (const s of steps) {
              if (s.kind === 'record') {
                await recordEvents(db, s.events, { at });
                recorded.push(...s.events);
              } else {
                const options =
                  s.killAt === undefined ? { batchSize: 3 } : { batchSize: 3, killAt: s.killAt };
                await flushOnce(db, receiver.fetch([...s.faults]), options);
              }
            }
            await drain(db, receiver.fetch(), 3);
            expect(await receiver.tally(db)).toEqual(tally(recorded));
          } finally {
            db.close();
          }
        }),
        { numRuns: 60 },
      );
    });
  },
);

describe.each(receivers)(
  'deliverEvents to $name — 72 hours offline with 10,000 events queued',
  ({ make }) => {
    it('delivers all of them once the server is back, in batches of 500', async () => {
      const db = testDatabase();
      const receiver = make();
      const recorded: InsightEvent[] = [];
      const offline: Fetch = () => Promise.reject(new TypeError('fetch failed'));
      // 10,000 searches spread over three days, an hourly flush failing each time.
      for (let hour = 0; hour < 72; hour++) {
        const day = ['2026-06-12', '2026-06-13', '2026-06-14'][Math.floor(hour / 24)]!;
        const batch = Array.from({ length: hour < 64 ? 139 : 138 }, () => search(hour % 24, day));
        await recordEvents(db, batch, { at });
        recorded.push(...batch);
        const { result } = await flushOnce(db, offline);
        expect(result?.keptBecause).toMatch(/could not be reached/);
      }
      expect(recorded).toHaveLength(10_000);
      const requests: number[] = [];
      const online: Fetch = (url, init) => {
        requests.push(requestBody(init).events.length);
        return receiver.fetch()(url, init);
      };
      await flushOnce(db, online);
      expect(requests.every((n) => n <= 500)).toBe(true);
      expect(await receiver.tally(db)).toEqual(tally(recorded));
      expect(await peekEvents(db, 1)).toEqual([]);
      db.close();
    });
  },
);

describe('the real server after every scenario above', () => {
  it('holds in its rollups exactly the counts of its raw rows', async () => {
    const { expected, actual, events } = await real.rollups();
    expect(events).toBeGreaterThan(10_000);
    expect(actual).toEqual(expected);
  });
});
