import { getSyncState, updateSyncState } from '@/lib/db';
import type { ContentChange } from './apply';
import { backoffDelay } from './backoff';
import {
  followFeed,
  rebuildAside,
  type FeedDeps,
  type FeedReader,
  type ReadEnd,
  type SyncHooks,
} from './read-feed';

export interface SyncEngineOptions extends FeedDeps {
  /** After each page that changed content (e.g. to update the search index, see search-update.ts). */
  onChanged?: (change: ContentChange) => void | Promise<unknown>;
  /** Each page a rebuild stages, before the swap (e.g. to index it while the next page loads). */
  onStaged?: FeedReader['onStaged'];
  hooks?: SyncHooks;
}

interface Counts {
  pages: number;
  upserted: number;
  deleted: number;
}

export type SyncResult =
  | ({ status: 'synced'; contentVersion: number } & Counts)
  /** `nextAttemptAt` (epoch ms) is for the background's alarm; also kept in the sync state. */
  | ({ status: 'retry-later'; error: string; nextAttemptAt: number } & Counts)
  /** No retry is scheduled: only signing in again helps. */
  | ({ status: 'unauthorized'; error: string } & Counts);

export interface SyncEngine {
  /** Runs one sync; while one runs, a second call returns the running one's promise. */
  syncNow(): Promise<SyncResult>;
}

export const errorMessages = {
  unauthorized: 'Your sign-in token was rejected — sign in again',
  notAFeed: (reason: string) =>
    `The server answered with something that is not a Waymark feed (${reason})`,
  notSaved: (reason: string) => `The synced content could not be saved (${reason})`,
} as const;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  let running: Promise<SyncResult> | undefined;
  let queued: Promise<SyncResult> | undefined;
  const start = (): Promise<SyncResult> =>
    (running = run(options).finally(() => {
      running = undefined;
    }));
  return {
    syncNow() {
      if (running === undefined) return start();
      // A run is under way, but it may have read the feed before what this caller wants to see
      // was published: one more run follows it, shared by every call made meanwhile.
      queued ??= running.then(() => {
        queued = undefined;
        return running ?? start();
      });
      return queued;
    },
  };
}

function reader(o: SyncEngineOptions, counts: Counts): FeedReader {
  const report = async (change: ContentChange) => {
    counts.pages += 1;
    counts.upserted += change.upserted.length;
    counts.deleted += change.deleted.length;
    if (!change.changed || o.onChanged === undefined) return;
    try {
      await o.onChanged(change);
    } catch (error) {
      // The content is saved; a listener failing only costs a search-index rebuild later.
      o.log(`Waymark sync: a change listener failed: ${String(error)}`);
    }
  };
  const onStaged: FeedReader['onStaged'] = (page, staged) => {
    try {
      o.onStaged?.(page, staged);
    } catch (error) {
      // Staging for a listener is an optimisation: the swap and onChanged still follow.
      o.log(`Waymark sync: a staging listener failed: ${String(error)}`);
    }
  };
  return { ...o, report, onStaged };
}

async function run(o: SyncEngineOptions): Promise<SyncResult> {
  const counts: Counts = { pages: 0, upserted: 0, deleted: 0 };
  let end: ReadEnd;
  try {
    const state = await getSyncState(o.db);
    const r = reader(o, counts);
    // Server content never mixes with the starter pack: the first sync replaces it whole.
    end =
      state.source === 'server' && state.cursor !== undefined
        ? await followFeed(r, state.cursor, state.etag)
        : { kind: 'rebuild' };
    if (end.kind === 'rebuild') end = await rebuildAside(r);
  } catch (error) {
    end = {
      kind: 'retry',
      reason: errorMessages.notSaved(error instanceof Error ? error.message : String(error)),
    };
  }
  return finish(o, end, counts);
}

/** Records how the run ended: clears the error on success, schedules the next try on failure. */
async function finish(o: SyncEngineOptions, end: ReadEnd, counts: Counts): Promise<SyncResult> {
  if (end.kind === 'done' || end.kind === 'rebuild') {
    const state = await updateSyncState(o.db, {
      lastError: undefined,
      failures: undefined,
      nextAttemptAt: undefined,
    });
    return { status: 'synced', contentVersion: state.contentVersion, ...counts };
  }
  if (end.kind === 'unauthorized') {
    const error = errorMessages.unauthorized;
    await updateSyncState(o.db, { lastError: error, nextAttemptAt: undefined });
    return { status: 'unauthorized', error, ...counts };
  }
  const error = end.kind === 'fatal' ? errorMessages.notAFeed(end.reason) : end.reason;
  const failures = (await getSyncState(o.db)).failures ?? 0;
  const nextAttemptAt = o.now() + backoffDelay(failures, o.random, end.retryAfterMs);
  await updateSyncState(o.db, { lastError: error, failures: failures + 1, nextAttemptAt });
  o.log(`Waymark sync: ${error}`);
  return { status: 'retry-later', error, nextAttemptAt, ...counts };
}
