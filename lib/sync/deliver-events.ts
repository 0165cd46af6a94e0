import type { OutboxEntry } from '@/lib/db';
import {
  applyPolicy,
  EVENTS_PATH,
  MAX_BATCH_EVENTS,
  sendsAnything,
  type CollectionPolicy,
  type EventsResponse,
} from '@/lib/insights';
import type { EventOutbox } from './event-outbox';
import { postEvents } from './post-events';
import { staticFeedBase } from './static-transport';
import { trimSlash } from './transport';
import type { Fetch } from './types';
import type { Log } from './validate-page';

export interface DeliveryDeps {
  outbox: EventOutbox;
  /** The account's server; a static feed (…/head.json) has nowhere to send to. */
  serverUrl: string;
  token: string;
  fetch: Fetch;
  log: Log;
  policy: CollectionPolicy;
  now: () => number;
  /** Batches per flush at most (a flush after 72 h offline sends 20 × 500 and stops there). */
  maxBatches?: number;
  /** Events per request, at most MAX_BATCH_EVENTS (the default); tests use small batches. */
  batchSize?: number;
}

export interface DeliveryResult {
  /** Events the server inserted, answered as duplicates (it had them), or rejected for good. */
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Requests made. */
  requests: number;
  /** Why the rest stays queued, when sending stopped early. */
  keptBecause?: string;
  /** The server has no /v1/events (404/405): the caller may use the older anchor-report route. */
  endpointMissing?: true;
}

/** The seqs an answer settles: accepted, duplicates, and rejected (by index into the batch). */
function settled(batch: readonly OutboxEntry[], response: EventsResponse): number[] {
  const sent = new Set(batch.map((row) => row.seq));
  const seqs = [
    ...response.accepted,
    ...response.duplicates,
    ...response.rejected.flatMap((r) => batch[r.index]?.seq ?? []),
  ];
  return [...new Set(seqs.filter((seq) => sent.has(seq)))];
}

function outcomeWords(response: EventsResponse): string {
  const reasons = [...new Set(response.rejected.map((r) => r.reason))];
  const rejected = response.rejected.length;
  return `${response.accepted.length} accepted, ${response.duplicates.length} already there, ${rejected} rejected${rejected ? ` (${reasons.join(', ')})` : ''}`;
}

/** What one request came to, for the flush loop. */
type Step =
  | { kind: 'settled'; response: EventsResponse; done: number }
  /** 413: send fewer at a time (or, at one event, that event was dropped). */
  | { kind: 'shrink' }
  | { kind: 'stop'; result: Partial<DeliveryResult> };

/** Sends one sealed batch, deletes what the answer settles, and keeps the request for the options page. */
async function sendBatch(
  deps: DeliveryDeps,
  target: { url: string; install: string },
  batch: OutboxEntry[],
): Promise<Step> {
  const events = batch.flatMap((row) => {
    const event = applyPolicy(deps.policy, row.event);
    return event === undefined ? [] : [{ ...event, seq: row.seq }];
  });
  const { url, install } = target;
  const body = JSON.stringify({ install, events });
  const answer = await postEvents(deps.fetch, url, deps.token, body);
  const record = (outcome: string) =>
    deps.outbox.saveLastBatch({ at: new Date(deps.now()).toISOString(), url, body, outcome });
  if (answer.kind === 'missing') {
    await record('not taken: this server has no /v1/events yet (HTTP 404)');
    return { kind: 'stop', result: { endpointMissing: true } };
  }
  if (answer.kind === 'too-large') {
    if (batch.length === 1) {
      // One event the server will never take: it must not block the queue.
      await deps.outbox.remove([batch[0]!.seq]);
      deps.log(`dropped event ${batch[0]!.seq}: the server refused it as too large`);
    }
    return { kind: 'shrink' };
  }
  if (answer.kind === 'kept') {
    await record(`kept for later: ${answer.reason}`);
    return { kind: 'stop', result: { keptBecause: answer.reason } };
  }
  const done = settled(batch, answer.response);
  await deps.outbox.remove(done);
  await record(outcomeWords(answer.response));
  return { kind: 'settled', response: answer.response, done: done.length };
}

/**
 * Sends the outbox to `POST /v1/events`, at most MAX_BATCH_EVENTS events a request, oldest
 * first, and deletes exactly the sequences each answer settles. Rows are sealed before they are
 * sent and resent unchanged under the same seq until settled, so a worker killed at any await, a
 * lost answer or a repeated request can neither lose an event nor count it twice (the server
 * inserts each (install, seq) once). Policy `off` deletes the queue and sends nothing; rows the
 * policy no longer allows are deleted unsent. Failures keep the rest queued for the next flush.
 */
export async function deliverEvents(deps: DeliveryDeps): Promise<DeliveryResult> {
  const result: DeliveryResult = { accepted: 0, duplicates: 0, rejected: 0, requests: 0 };
  if (!sendsAnything(deps.policy)) {
    await deps.outbox.clear();
    return result;
  }
  if (staticFeedBase(deps.serverUrl) !== undefined) return result;
  const target = {
    url: `${trimSlash(deps.serverUrl)}${EVENTS_PATH}`,
    install: await deps.outbox.installId(),
  };
  const allowed = (event: OutboxEntry['event']) => applyPolicy(deps.policy, event) !== undefined;
  let size = Math.min(deps.batchSize ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS);
  for (let batches = 0; batches < (deps.maxBatches ?? 40);) {
    const batch = await deps.outbox.sealBatch(size, allowed);
    if (batch.length === 0) break;
    result.requests += 1;
    const step = await sendBatch(deps, target, batch);
    if (step.kind === 'shrink') size = Math.ceil(size / 2);
    if (step.kind === 'stop') return { ...result, ...step.result };
    if (step.kind !== 'settled') continue;
    const { response } = step;
    result.accepted += response.accepted.length;
    result.duplicates += response.duplicates.length;
    result.rejected += response.rejected.length;
    if (response.rejected.length > 0)
      deps.log(`the server rejected ${response.rejected.length} events: ${outcomeWords(response)}`);
    batches += 1;
    if (step.done === 0)
      return { ...result, keptBecause: 'the server confirmed none of the events sent' };
  }
  return result;
}
