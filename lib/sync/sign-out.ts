import type { Table } from 'dexie';
import type { Bundle } from '@/lib/content-model';
import {
  ensureStarterContent,
  getSyncState,
  setSetting,
  updateSyncState,
  type StarterResult,
  type WaymarkDatabase,
} from '@/lib/db';

/**
 * Settings that describe the signed-in account rather than the device: the next account must
 * not inherit its targeting. The server URL and the on/off switches stay.
 */
const ACCOUNT_SETTINGS = [
  'role',
  'team',
  // What the account read and confirmed; its unsent acknowledgements were its own.
  'announcementsDone',
  'pendingAcknowledgements',
] as const;

/**
 * Forgets everything bound to the signed-out account, then loads the starter pack, in ONE
 * transaction: items and apps synced from the server, sync meta (cursor, etag, errors), the
 * search index, unsent outbox events (they were the old account's), and the learner's progress,
 * dismissals and votes unless `keepLearning` (the learner chose to keep them). A reader sees the
 * account's content or the starter pack, never an empty store.
 *
 * contentVersion keeps growing across the wipe (it is not reset to 0), so a SearchCache holding
 * the account's index in memory can never mistake it for the starter pack's.
 */
export async function signOut(
  db: WaymarkDatabase,
  bundle: Pick<Bundle, 'items' | 'apps'>,
  options: { keepLearning?: boolean } = {},
): Promise<StarterResult> {
  const wiped: Table[] = [db.items, db.apps, db.meta, db.searchIndex, db.outbox];
  // Kept when the learner chose to carry them over to the next account ("keep my progress").
  if (options.keepLearning !== true) wiped.push(db.lessonProgress, db.dismissals, db.votes);
  return db.transaction('rw', [...wiped, db.settings], async () => {
    const { contentVersion } = await getSyncState(db);
    for (const table of wiped) await table.clear();
    // Past the account's version; ensureStarterContent bumps it again when it loads.
    await updateSyncState(db, { contentVersion: contentVersion + 1 });
    for (const key of ACCOUNT_SETTINGS) await setSetting(db, key, undefined);
    return ensureStarterContent(db, bundle, { reason: 'sign-out' });
  });
}
