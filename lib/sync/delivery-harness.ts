import type { OutboxEntry, WaymarkDatabase } from '@/lib/db';
import {
  collectionPolicy,
  createReferenceReceiver,
  type InsightEvent,
  type ReferenceReceiver,
} from '@/lib/insights';
import { deliverEvents, type DeliveryDeps, type DeliveryResult } from './deliver-events';
import { dexieOutbox, type EventOutbox } from './event-outbox';
import type { Fetch } from './types';

/**
 * Test-only: the delivery client against a receiver that honours the /v1/events contract, with
 * the faults a real deployment meets — a service worker killed at any await, requests that never
 * arrive, answers that are lost after the server stored the events, and requests delivered twice.
 * The same scenarios run against any receiver given as a `Fetch` (phase B adds the real server).
 */

export const TODAY = '2026-06-15';
export const SERVER = 'https://waymark.example.com';

/** What happens to one request. */
export type Fault = 'ok' | 'network' | 'lost-answer' | 'twice';

export class Killed extends Error {
  constructor() {
    super('the service worker was killed');
  }
}

/**
 * Counts the awaits of a flush and kills it at the n-th (undefined: never). A dead worker runs
 * nothing more: every later step throws too, even if the code caught the first throw (as a fetch
 * failure is caught).
 */
export class Killer {
  points = 0;
  constructor(private readonly at: number | undefined) {}
  tick(): void {
    this.points += 1;
    if (this.at !== undefined && this.points >= this.at) throw new Killed();
  }
}

/** The outbox with a kill point before and after every call (each is one transaction). */
export function killableOutbox(outbox: EventOutbox, killer: Killer): EventOutbox {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      killer.tick();
      const result = await call(...args);
      killer.tick();
      return result;
    };
  return {
    installId: wrap(outbox.installId),
    sealBatch: wrap(outbox.sealBatch),
    sealType: wrap(outbox.sealType),
    remove: wrap(outbox.remove),
    clear: wrap(outbox.clear),
    saveLastBatch: wrap(outbox.saveLastBatch),
  };
}

/** Test-only: the JSON body a fetch was given. */
export function requestBody<T = { install: string; events: { seq: number }[] }>(
  init?: RequestInit,
): T {
  return JSON.parse(typeof init?.body === 'string' ? init.body : '') as T;
}

/** A `fetch` answering from the reference receiver, applying `faults` in turn ('ok' after). */
export function receiverFetch(receiver: ReferenceReceiver, faults: Fault[] = []): Fetch {
  return (_url, init) => {
    const fault = faults.shift() ?? 'ok';
    if (fault === 'network') return Promise.reject(new TypeError('fetch failed'));
    const body = requestBody<unknown>(init);
    let answer = receiver.receive(body);
    if (fault === 'twice') answer = receiver.receive(body);
    if (fault === 'lost-answer')
      return Promise.reject(new TypeError('network error: the answer was lost'));
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  };
}

/** A fetch with a kill point before the request leaves and after its answer arrives. */
export function killableFetch(fetch: Fetch, killer: Killer): Fetch {
  return async (url, init) => {
    killer.tick();
    const response = await fetch(url, init);
    killer.tick();
    return response;
  };
}

export const everythingPolicy = collectionPolicy({
  level: 'impact',
  usageOptedOut: false,
  optOutAllowed: true,
  hasImpactKey: true,
});

/** One flush of `db` to `fetch`, killed at the n-th await when `killAt` is set. */
export async function flushOnce(
  db: WaymarkDatabase,
  fetch: Fetch,
  options: { killAt?: number; batchSize?: number; deps?: Partial<DeliveryDeps> } = {},
): Promise<{ result?: DeliveryResult; killed: boolean; points: number }> {
  const killer = new Killer(options.killAt);
  try {
    const result = await deliverEvents({
      outbox: killableOutbox(dexieOutbox(db), killer),
      serverUrl: SERVER,
      token: 'secret',
      fetch: killableFetch(fetch, killer),
      log: () => {},
      policy: everythingPolicy,
      now: () => Date.parse(`${TODAY}T09:30:00Z`),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...options.deps,
    });
    return { result, killed: false, points: killer.points };
  } catch (error) {
    if (error instanceof Killed) return { killed: true, points: killer.points };
    throw error;
  }
}

/**
 * Occurrences per event, as a receiver's rollup would count them: counted events add their count
 * under their identity (everything but the count); others count 1 each.
 */
export function tally(events: Iterable<InsightEvent>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const event of events) {
    const { count, ...identity } = { count: 1, ...event };
    const key = JSON.stringify(Object.entries(identity).sort(([a], [b]) => a.localeCompare(b)));
    totals.set(key, (totals.get(key) ?? 0) + count);
  }
  return totals;
}

export const receivedTally = (receiver: ReferenceReceiver) =>
  tally(receiver.rows().map((row) => row.event));

export const newReceiver = () => createReferenceReceiver(() => TODAY);

export type { OutboxEntry };
