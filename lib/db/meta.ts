import { z } from 'zod';
import type { WaymarkDatabase } from './database';

export const contentSources = ['starter-pack', 'server'] as const;
export type ContentSource = (typeof contentSources)[number];

const syncStateSchema = z.object({
  /** Where the stored items and apps came from; unset until something is loaded. */
  source: z.enum(contentSources).optional(),
  /** The server feed's cursor to resume the delta from. */
  cursor: z.string().optional(),
  /** Last successful server sync, epoch milliseconds. */
  lastSyncAt: z.number().optional(),
  /** Grows by one whenever the stored items or apps change; the search index is keyed by it. */
  contentVersion: z.number().int().min(0).default(0),
  /** Hash of the content last loaded from a bundle, to skip reloading identical content. */
  contentHash: z.string().optional(),
  /** The feed's ETag for a request with `cursor`, sent back as If-None-Match. */
  etag: z.string().optional(),
  /** Why the last sync failed, in plain words for the options page; cleared on success. */
  lastError: z.string().optional(),
  /** Failed sync attempts in a row; drives the backoff across service-worker restarts. */
  failures: z.number().int().min(0).optional(),
  /** When the next sync should run after a failure, epoch milliseconds (for chrome.alarms). */
  nextAttemptAt: z.number().optional(),
});
export type SyncState = z.output<typeof syncStateSchema>;

const SYNC_KEY = 'sync';

/**
 * The meta table is a small key/value store: the sync state, and the insight delivery's install id
 * and last batch (delivery-meta.ts). Each row is parsed on read.
 */
export type MetaRow =
  | ({ key: typeof SYNC_KEY } & SyncState)
  | { key: 'install'; id: string }
  | { key: 'last-batch'; batch: unknown };

/** The sync state; a missing or damaged row reads as "nothing loaded yet". */
export async function getSyncState(db: WaymarkDatabase): Promise<SyncState> {
  const parsed = syncStateSchema.safeParse(await db.meta.get(SYNC_KEY));
  return parsed.success ? parsed.data : syncStateSchema.parse({});
}

/** Merges `patch` into the sync state (a key set to `undefined` is cleared). */
export async function updateSyncState(
  db: WaymarkDatabase,
  patch: Partial<SyncState>,
): Promise<SyncState> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await getSyncState(db)), ...patch };
    await db.meta.put({ ...next, key: SYNC_KEY });
    return next;
  });
}

/** Records that the content changed: bumps contentVersion and applies `patch`. */
export async function bumpContentVersion(
  db: WaymarkDatabase,
  patch: Omit<Partial<SyncState>, 'contentVersion'> = {},
): Promise<SyncState> {
  return db.transaction('rw', db.meta, async () => {
    const { contentVersion } = await getSyncState(db);
    return updateSyncState(db, { ...patch, contentVersion: contentVersion + 1 });
  });
}
