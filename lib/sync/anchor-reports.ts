import { z } from 'zod';
import { slugSchema } from '@/lib/content-model';
import { ackCounts, eventsOfType, type OutboxEntry, type WaymarkDatabase } from '@/lib/db';
import { isRetryable, networkOutcome, retryReason } from './http-outcome';
import { staticFeedBase } from './static-transport';
import { trimSlash } from './transport';
import type { Fetch } from './types';
import type { Log } from './validate-page';

/** The outbox event the background queues when a tip's anchor finds nothing on a page. */
export const TIP_UNRESOLVED = 'tip-unresolved';
/** The server's limits for one request (anchorReportBody in server/governance-schemas.ts). */
export const REPORT_ROWS_MAX = 500;
export const REPORT_COUNT_MAX = 10_000;
/**
 * Sent as the screen of a page that matched none of its app's screens. The server takes only a
 * slug, and skipping these would hide a tip that is broken everywhere its app is not recognised;
 * owners read "unknown" in their report as "somewhere in this app".
 */
export const UNKNOWN_SCREEN = 'unknown';

/** What the background stored; read again here because it may come from an older version. */
const eventData = z.object({ id: slugSchema, app: slugSchema, screen: slugSchema.nullable() });

/** One row of a report: counts only, never anything the page held. */
export interface AnchorReport {
  id: string;
  app: string;
  screen: string;
  count: number;
}

/** A row and the occurrences it stands for (seq → how many), to acknowledge once it is sent. */
interface Row extends AnchorReport {
  from: Map<number, number>;
}

export interface AnchorReportDeps {
  db: WaymarkDatabase;
  /** The account's address; a static feed's (…/head.json) has nowhere to report to. */
  serverUrl: string;
  token: string;
  fetch: Fetch;
  log: Log;
}

export interface FlushResult {
  /** Occurrences in requests the server accepted (it ignores those for items it does not have). */
  sent: number;
  /** Occurrences given up: unreadable events, and batches the server refused as malformed (400). */
  dropped: number;
  /** Why the rest stays queued for the next sync, when sending stopped early. */
  keptBecause?: string;
}

function add(rows: Map<string, Row[]>, report: Omit<AnchorReport, 'count'>, event: OutboxEntry) {
  const key = JSON.stringify([report.id, report.app, report.screen]);
  const list = rows.get(key) ?? [];
  rows.set(key, list);
  // A coalesced event may stand for more occurrences than one row may carry: spread it.
  for (let left = event.count ?? 1; left > 0;) {
    let row = list.at(-1);
    if (row === undefined || row.count >= REPORT_COUNT_MAX) {
      row = { ...report, count: 0, from: new Map() };
      list.push(row);
    }
    const take = Math.min(left, REPORT_COUNT_MAX - row.count);
    row.count += take;
    row.from.set(event.seq, (row.from.get(event.seq) ?? 0) + take);
    left -= take;
  }
}

/** One row per tip, app and screen (more when a count passes the server's maximum). */
function aggregate(events: OutboxEntry[]): { rows: Row[]; unreadable: Map<number, number> } {
  const rows = new Map<string, Row[]>();
  const unreadable = new Map<number, number>();
  for (const event of events) {
    const data = eventData.safeParse(event.data);
    if (!data.success) unreadable.set(event.seq, event.count ?? 1);
    else add(rows, { ...data.data, screen: data.data.screen ?? UNKNOWN_SCREEN }, event);
  }
  return { rows: [...rows.values()].flat(), unreadable };
}

const total = (counts: ReadonlyMap<number, number>) =>
  [...counts.values()].reduce((sum, n) => sum + n, 0);

function occurrences(batch: Row[]): Map<number, number> {
  const all = new Map<number, number>();
  for (const row of batch) for (const [seq, n] of row.from) all.set(seq, (all.get(seq) ?? 0) + n);
  return all;
}

type Answer = { kind: 'accepted' } | { kind: 'refused' | 'kept'; reason: string };

/** POSTs one batch; the body names only tip id, app, screen and count. */
async function post(deps: AnchorReportDeps, batch: Row[]): Promise<Answer> {
  const items = batch.map(({ id, app, screen, count }) => ({ id, app, screen, count }));
  let response: Response;
  try {
    response = await deps.fetch(`${trimSlash(deps.serverUrl)}/v1/anchor-reports`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${deps.token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify({ items }),
    });
  } catch (error) {
    return { kind: 'kept', reason: networkOutcome(error).reason };
  }
  const { status } = response;
  const text = await response.text().catch(() => '');
  if (response.ok) return { kind: 'accepted' };
  if (status === 400)
    return { kind: 'refused', reason: `HTTP 400: ${text.slice(0, 200) || 'no reason given'}` };
  // The token may be fixed by signing in again: the reports wait for it.
  if (status === 401 || status === 403)
    return { kind: 'kept', reason: `the server refused the sign-in token (HTTP ${status})` };
  if (isRetryable(status)) return { kind: 'kept', reason: retryReason(status) };
  // E.g. 404 from a server older than the endpoint: an upgrade will take them.
  return { kind: 'kept', reason: `the server answered HTTP ${status}` };
}

/**
 * Sends the queued counts of tips whose anchors found nothing to the server, at most
 * REPORT_ROWS_MAX rows a request, and acknowledges exactly the occurrences each accepted request
 * carried; other event types stay queued. A failure (network, 401/403, 429, 5xx, anything else)
 * keeps the rest for the next sync; a batch refused as malformed (400) is dropped with a warning,
 * so it cannot block the queue forever. A static feed has no server: nothing is sent, and the
 * outbox's own limit bounds what waits.
 */
export async function flushAnchorReports(deps: AnchorReportDeps): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, dropped: 0 };
  if (staticFeedBase(deps.serverUrl) !== undefined) return result;
  const { rows, unreadable } = aggregate(await eventsOfType(deps.db, TIP_UNRESOLVED));
  if (unreadable.size > 0) {
    await ackCounts(deps.db, unreadable);
    result.dropped += total(unreadable);
    deps.log(`dropped ${unreadable.size} unreadable ${TIP_UNRESOLVED} events`);
  }
  for (let start = 0; start < rows.length; start += REPORT_ROWS_MAX) {
    const batch = rows.slice(start, start + REPORT_ROWS_MAX);
    const answer = await post(deps, batch);
    const counts = occurrences(batch);
    if (answer.kind === 'kept') {
      deps.log(`broken-anchor reports kept for the next sync: ${answer.reason}`);
      return { ...result, keptBecause: answer.reason };
    }
    await ackCounts(deps.db, counts);
    if (answer.kind === 'accepted') result.sent += total(counts);
    else {
      result.dropped += total(counts);
      deps.log(
        `the server refused ${batch.length} broken-anchor reports, dropped: ${answer.reason}`,
      );
    }
  }
  return result;
}
