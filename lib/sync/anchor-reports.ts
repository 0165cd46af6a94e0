import type { OutboxEntry } from '@/lib/db';
import type { EventOutbox } from './event-outbox';
import { isRetryable, retryReason } from './http-outcome';
import { postJson } from './post-events';
import { staticFeedBase } from './static-transport';
import { trimSlash } from './transport';
import type { Fetch } from './types';
import type { Log } from './validate-page';

/**
 * The route servers from before `POST /v1/events` take broken-anchor counts on. The delivery
 * client falls back to it when /v1/events answers 404, so owners keep their "Needs verification"
 * list through the upgrade; once the server has /v1/events, tip_unresolved events go there like
 * every other event and this route is no longer used. Unlike /v1/events it has no idempotency
 * key: a lost acknowledgement here can count a report twice.
 */
export const ANCHOR_REPORTS_PATH = '/v1/anchor-reports';
/** The server's limits for one request (anchorReportBody in server/governance-schemas.ts). */
export const REPORT_ROWS_MAX = 500;
export const REPORT_COUNT_MAX = 10_000;
/**
 * Sent as the screen of a page that matched none of its app's screens. The server takes only a
 * slug, and skipping these would hide a tip that is broken everywhere its app is not recognised;
 * owners read "unknown" in their report as "somewhere in this app".
 */
export const UNKNOWN_SCREEN = 'unknown';

/** One row of a report: counts only, never anything the page held. */
export interface AnchorReport {
  id: string;
  app: string;
  screen: string;
  count: number;
}

/** A row and the queued events it stands for. */
interface Row extends AnchorReport {
  from: Set<number>;
}

export interface AnchorReportDeps {
  outbox: EventOutbox;
  /** The account's address; a static feed's (…/head.json) has nowhere to report to. */
  serverUrl: string;
  token: string;
  fetch: Fetch;
  log: Log;
  /** For the time of the last request, kept for "What Waymark sends". */
  now?: () => number;
}

export interface FlushResult {
  /** Occurrences in requests the server accepted (it ignores those for items it does not have). */
  sent: number;
  /** Occurrences given up: batches the server refused as malformed (400). */
  dropped: number;
  /** Why the rest stays queued for the next sync, when sending stopped early. */
  keptBecause?: string;
}

function add(rows: Map<string, Row[]>, report: Omit<AnchorReport, 'count'>, entry: OutboxEntry) {
  const key = JSON.stringify([report.id, report.app, report.screen]);
  const list = rows.get(key) ?? [];
  rows.set(key, list);
  // A coalesced event may stand for more occurrences than one row may carry: spread it.
  const count = entry.event.type === 'tip_unresolved' ? entry.event.count : 0;
  for (let left = count; left > 0;) {
    let row = list.at(-1);
    if (row === undefined || row.count >= REPORT_COUNT_MAX) {
      row = { ...report, count: 0, from: new Set() };
      list.push(row);
    }
    const take = Math.min(left, REPORT_COUNT_MAX - row.count);
    row.count += take;
    row.from.add(entry.seq);
    left -= take;
  }
}

/** One row per tip, app and screen (more when a count passes the server's maximum). */
function aggregate(entries: OutboxEntry[]): Row[] {
  const rows = new Map<string, Row[]>();
  for (const entry of entries) {
    const { event } = entry;
    if (event.type !== 'tip_unresolved') continue;
    add(rows, { id: event.tip, app: event.app, screen: event.screen ?? UNKNOWN_SCREEN }, entry);
  }
  return [...rows.values()].flat();
}

const total = (batch: Row[]) => batch.reduce((sum, row) => sum + row.count, 0);

type Answer = { kind: 'accepted' } | { kind: 'refused' | 'kept'; reason: string };

/** The request body for a batch: tip id, app, screen and count, nothing else. */
const reportBody = (batch: Row[]) =>
  JSON.stringify({
    items: batch.map(({ id, app, screen, count }) => ({ id, app, screen, count })),
  });

/** POSTs one batch. */
async function post(deps: AnchorReportDeps, url: string, body: string): Promise<Answer> {
  const answer = await postJson(deps.fetch, url, deps.token, body);
  if ('unreachable' in answer) return { kind: 'kept', reason: answer.unreachable };
  const status = answer.status;
  const text = answer.text ?? '';
  if (status >= 200 && status < 300) return { kind: 'accepted' };
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
 * Sends the queued counts of tips whose anchors found nothing, at most REPORT_ROWS_MAX rows a
 * request. The events are sealed first (a tip failing again meanwhile starts a new event), and
 * each is deleted once every request carrying it was accepted. A failure (network, 401/403, 429,
 * 5xx, anything else) keeps the rest for the next sync; a batch refused as malformed (400) is
 * dropped with a warning, so it cannot block the queue forever. A static feed has no server.
 */
export async function flushAnchorReports(deps: AnchorReportDeps): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, dropped: 0 };
  if (staticFeedBase(deps.serverUrl) !== undefined) return result;
  const rows = aggregate(await deps.outbox.sealType('tip_unresolved'));
  const unfinished = new Set<number>();
  const done = new Set<number>();
  for (let start = 0; start < rows.length; start += REPORT_ROWS_MAX) {
    const batch = rows.slice(start, start + REPORT_ROWS_MAX);
    const url = `${trimSlash(deps.serverUrl)}${ANCHOR_REPORTS_PATH}`;
    const body = reportBody(batch);
    const answer = await post(deps, url, body);
    await deps.outbox.saveLastBatch({
      at: new Date((deps.now ?? Date.now)()).toISOString(),
      url,
      body,
      outcome: answer.kind === 'accepted' ? 'taken' : `${answer.kind}: ${answer.reason}`,
    });
    if (answer.kind === 'kept') {
      deps.log(`broken-anchor reports kept for the next sync: ${answer.reason}`);
      for (const row of rows.slice(start)) for (const seq of row.from) unfinished.add(seq);
      result.keptBecause = answer.reason;
      break;
    }
    for (const row of batch) for (const seq of row.from) done.add(seq);
    if (answer.kind === 'accepted') result.sent += total(batch);
    else {
      result.dropped += total(batch);
      deps.log(
        `the server refused ${batch.length} broken-anchor reports, dropped: ${answer.reason}`,
      );
    }
  }
  await deps.outbox.remove([...done].filter((seq) => !unfinished.has(seq)));
  return result;
}
