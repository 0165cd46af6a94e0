import type { WaymarkDatabase } from '@/lib/db';
import { applyPage, type ContentChange } from './apply';
import { backoffDelay } from './backoff';
import { StagedContent, swapIn } from './staged-content';
import type { Clock, FeedTransport, FetchOutcome } from './types';
import { validatePage, type Log, type ValidPage } from './validate-page';

/** Retries within one run stay short: a longer wait is left to the background's alarm. */
export const SHORT_RETRY_MS = 30_000;
export const RETRIES_PER_RUN = 3;
/** A guard against a feed that says `more` forever. */
export const MAX_PAGES_PER_RUN = 10_000;

/** Test seams: throwing from one simulates the service worker being killed at that point. */
export interface SyncHooks {
  afterFetch?: (outcome: FetchOutcome) => void | Promise<void>;
  afterApply?: (change: ContentChange) => void | Promise<void>;
}

/** What reading the feed needs: the store, the transport and the injected clock, dice, sleep and log. */
export interface FeedDeps {
  db: WaymarkDatabase;
  transport: FeedTransport;
  /** Only used for backoff timing and the displayed `lastSyncAt`; never compared with feed data. */
  now: Clock;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  log: Log;
}

export interface FeedReader extends FeedDeps {
  /** Called after each page that changed content, before the next page is fetched. */
  report: (change: ContentChange) => Promise<void>;
  /** Called with each page a rebuild stages (`staged` already holds it), while the next page loads. */
  onStaged?: ((page: ValidPage, staged: StagedContent) => void) | undefined;
  hooks?: SyncHooks | undefined;
}

/** How reading the feed ended; anything but `done` and `rebuild` stops the run. */
export type ReadEnd =
  | { kind: 'done' }
  | { kind: 'rebuild' }
  | { kind: 'unauthorized' }
  | { kind: 'retry' | 'fatal'; reason: string; retryAfterMs?: number | undefined };

const stalled = (cursor: string): ReadEnd => ({
  kind: 'fatal',
  reason: `the feed said "more" but did not move past cursor "${cursor}"`,
});

/** One page, retried briefly (with jitter) when the failure looks transient. */
async function fetchPage(
  r: FeedReader,
  cursor: string | undefined,
  etag: string | undefined,
  tries: { n: number },
) {
  for (;;) {
    const outcome = await r.transport.fetchPage(cursor, etag);
    await r.hooks?.afterFetch?.(outcome);
    if (outcome.kind !== 'retry') return outcome;
    const delay = backoffDelay(tries.n, r.random, outcome.retryAfterMs);
    if (tries.n >= RETRIES_PER_RUN || delay > SHORT_RETRY_MS) return outcome;
    r.log(`Waymark sync: ${outcome.reason}; trying again in ${delay} ms`);
    tries.n += 1;
    await r.sleep(delay);
  }
}

function endOf(outcome: Exclude<FetchOutcome, { kind: 'page' }>): ReadEnd {
  if (outcome.kind === 'not-modified') return { kind: 'done' };
  if (outcome.kind === 'cursor-expired') return { kind: 'rebuild' };
  return outcome;
}

/**
 * Follows the feed from the stored cursor: fetch → validate → apply (page and cursor in one
 * transaction) → next page. No network wait ever happens inside a transaction, and a run killed
 * anywhere resumes from the last applied cursor.
 */
export async function followFeed(
  r: FeedReader,
  from: string,
  etag: string | undefined,
): Promise<ReadEnd> {
  const tries = { n: 0 };
  let cursor = from;
  let ifNoneMatch = etag;
  for (let n = 0; n < MAX_PAGES_PER_RUN; n++) {
    const outcome = await fetchPage(r, cursor, ifNoneMatch, tries);
    if (outcome.kind !== 'page') return endOf(outcome);
    const page = validatePage(outcome.page, r.log);
    const context = { requestCursor: cursor, etag: outcome.etag, now: r.now() };
    const change = await applyPage(r.db, page, context);
    await r.hooks?.afterApply?.(change);
    await r.report(change);
    if (!page.more) return { kind: 'done' };
    if (page.cursor === cursor) return stalled(cursor);
    cursor = page.cursor;
    ifNoneMatch = undefined;
  }
  return { kind: 'done' };
}

/**
 * Reads the whole feed from zero into memory, then swaps it in with its cursor in one
 * transaction: used when the cursor expired (410) and when server content replaces the starter
 * pack. Until the swap, readers keep seeing the old content. The next page is requested before
 * the current one is validated and staged, so that work overlaps the network.
 */
export async function rebuildAside(r: FeedReader): Promise<ReadEnd> {
  const tries = { n: 0 };
  const staged = new StagedContent();
  let cursor: string | undefined;
  let next = fetchPage(r, cursor, undefined, tries);
  for (let n = 0; n < MAX_PAGES_PER_RUN; n++) {
    const outcome = await next;
    if (outcome.kind === 'not-modified' || outcome.kind === 'cursor-expired')
      return { kind: 'retry', reason: 'The feed changed while it was being read from the start' };
    if (outcome.kind !== 'page') return outcome;
    const { more, cursor: after } = outcome.page;
    if (more && after === cursor) return stalled(after);
    // Requested now, awaited after this page's work; a run that stops early leaves it unread.
    if (more) (next = fetchPage(r, after, undefined, tries)).catch(() => undefined);
    const page = validatePage(outcome.page, r.log);
    staged.add(page);
    r.onStaged?.(page, staged);
    if (!more) return swap(r, staged, outcome.etag);
    cursor = after;
  }
  return { kind: 'fatal', reason: `the feed did not end within ${MAX_PAGES_PER_RUN} pages` };
}

async function swap(
  r: FeedReader,
  staged: StagedContent,
  etag: string | undefined,
): Promise<ReadEnd> {
  const context = { requestCursor: undefined, etag, now: r.now() };
  const change = await swapIn(r.db, staged, context);
  await r.hooks?.afterApply?.(change);
  await r.report(change);
  return { kind: 'done' };
}
