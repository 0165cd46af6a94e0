import { getSetting, saveLastBatch, setSetting, type WaymarkDatabase } from '@/lib/db';
import {
  CONTENT_REQUESTS_PATH,
  contentRequestsResponseSchema,
  dayOf,
  scrubQuery,
  scrubRequestText,
  type ContentRequest,
} from '@/lib/insights';
import { isRetryable, retryReason } from './http-outcome';
import { postJson } from './post-events';
import { staticFeedBase } from './static-transport';
import { trimSlash } from './transport';
import type { Fetch } from './types';
import type { Log } from './validate-page';

/** A request as the device queues it (setting `pendingContentRequests`). */
export interface QueuedRequest {
  id?: string | undefined;
  text: string;
  query: string;
  app?: string | undefined;
  screen?: string | undefined;
  at: number;
}

/**
 * The device's queue of content requests as the sender sees it: each method one IndexedDB
 * transaction, so a service worker killed between them loses nothing (a request is forgotten
 * only after the server confirmed it, and sent again under the same id otherwise).
 */
export interface RequestQueue {
  /** The queued requests, each with its id (one is made and kept for a request without). */
  pending: () => Promise<(QueuedRequest & { id: string })[]>;
  remove: (ids: ReadonlySet<string>) => Promise<void>;
  saveLastBatch: (batch: {
    at: string;
    url: string;
    body: string;
    outcome: string;
  }) => Promise<void>;
}

export function dexieRequestQueue(db: WaymarkDatabase): RequestQueue {
  return {
    pending: () =>
      db.transaction('rw', db.settings, async () => {
        const queued = await getSetting(db, 'pendingContentRequests');
        const named = queued.map((r) => ({ ...r, id: r.id ?? crypto.randomUUID() }));
        if (queued.some((r) => r.id === undefined))
          await setSetting(db, 'pendingContentRequests', named);
        return named;
      }),
    remove: (ids) =>
      db.transaction('rw', db.settings, async () => {
        const queued = await getSetting(db, 'pendingContentRequests');
        await setSetting(
          db,
          'pendingContentRequests',
          queued.filter((r) => r.id === undefined || !ids.has(r.id)),
        );
      }),
    saveLastBatch: (batch) => saveLastBatch(db, batch),
  };
}

/**
 * What leaves the device for a queued request: the words scrubbed (no e-mail addresses, URLs,
 * phone numbers or ids; digit runs as #), the day, app and screen. Undefined when scrubbing leaves
 * too little to send.
 */
export function wireRequest(request: QueuedRequest & { id: string }): ContentRequest | undefined {
  const text = scrubRequestText(request.text);
  if (text === undefined) return undefined;
  const query = scrubQuery(request.query);
  return {
    id: request.id,
    day: dayOf(request.at),
    ...(request.app ? { app: request.app } : {}),
    ...(request.screen ? { screen: request.screen } : {}),
    ...(query === undefined ? {} : { query }),
    text,
  };
}

export interface RequestSenderDeps {
  queue: RequestQueue;
  serverUrl: string;
  token: string;
  fetch: Fetch;
  log: Log;
  now?: () => number;
}

export interface RequestSendResult {
  /** Requests the server stored now or already had. */
  sent: number;
  /** Requests given up: refused by the server, or nothing left once scrubbed. */
  dropped: number;
  /** Why the rest stays queued, when it does. */
  keptBecause?: string;
}

type Answer = { ids: Set<string>; sent: number; refused: number } | { kept: string };

async function post(deps: RequestSenderDeps, url: string, body: string): Promise<Answer> {
  const answer = await postJson(deps.fetch, url, deps.token, body);
  if ('unreachable' in answer) return { kept: answer.unreachable };
  const { status, text } = answer;
  if (status === 401 || status === 403)
    return { kept: `the server refused the sign-in token (HTTP ${status})` };
  if (isRetryable(status)) return { kept: retryReason(status) };
  // 404/405: a server from before content requests; an upgrade will take them.
  if (status !== 200) return { kept: `the server answered HTTP ${status}` };
  let parsed;
  try {
    parsed = contentRequestsResponseSchema.safeParse(JSON.parse(text ?? ''));
  } catch {
    return { kept: 'the server’s answer was cut short or is not JSON' };
  }
  if (!parsed.success) return { kept: 'the server’s answer does not follow the contract' };
  const { accepted, duplicates, rejected } = parsed.data;
  const ids = new Set([...accepted, ...duplicates]);
  const sent = ids.size;
  for (const r of rejected) if (r.id !== undefined) ids.add(r.id);
  return { ids, sent, refused: rejected.length };
}

/**
 * Sends the queued content requests in one request (the queue holds at most 50) and forgets
 * exactly the ones the server confirmed — stored, already stored, or refused for good. Anything
 * else (offline, 401/403, 429, 5xx, an older server, an unreadable answer) keeps them all for the
 * next flush, under the same ids, so a lost answer never stores one twice. A static feed has no
 * server to send to.
 */
export async function sendContentRequests(deps: RequestSenderDeps): Promise<RequestSendResult> {
  const result: RequestSendResult = { sent: 0, dropped: 0 };
  if (staticFeedBase(deps.serverUrl) !== undefined) return result;
  const queued = await deps.queue.pending();
  const empty = queued.filter((r) => wireRequest(r) === undefined).map((r) => r.id);
  if (empty.length > 0) {
    deps.log(`${empty.length} content requests had nothing left to send once scrubbed, dropped`);
    await deps.queue.remove(new Set(empty));
    result.dropped += empty.length;
  }
  const requests = queued.flatMap((r) => wireRequest(r) ?? []);
  if (requests.length === 0) return result;
  const url = `${trimSlash(deps.serverUrl)}${CONTENT_REQUESTS_PATH}`;
  const body = JSON.stringify({ requests });
  const answer = await post(deps, url, body);
  await deps.queue.saveLastBatch({
    at: new Date((deps.now ?? Date.now)()).toISOString(),
    url,
    body,
    outcome: 'kept' in answer ? `kept: ${answer.kept}` : 'taken',
  });
  if ('kept' in answer) {
    deps.log(`content requests kept for the next sync: ${answer.kept}`);
    return { ...result, keptBecause: answer.kept };
  }
  await deps.queue.remove(answer.ids);
  if (answer.refused > 0)
    deps.log(`the server refused ${answer.refused} content requests, dropped`);
  return { ...result, sent: answer.sent, dropped: result.dropped + answer.refused };
}
