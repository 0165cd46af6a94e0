import type { Bundle } from '@/lib/content-model';
import { replaceApps } from './apps';
import { contentHash } from './content-hash';
import type { WaymarkDatabase } from './database';
import { replaceItems } from './items';
import { getSyncState, updateSyncState } from './meta';

/** Why the starter pack is being offered: the runtime.onInstalled reason, a plain startup, or a sign-out. */
export type StarterReason = 'install' | 'update' | 'startup' | 'sign-out';

export interface StarterResult {
  /**
   * `loaded`: items and apps were replaced by the bundle's; `unchanged`: the store already holds
   * this bundle; `server-content`: the store was synced from a server, so it was left alone.
   */
  outcome: 'loaded' | 'unchanged' | 'server-content';
  reason: StarterReason;
  contentVersion: number;
  items: number;
  apps: number;
}

/**
 * Loads the starter bundle unless the store holds server content. Items, apps and sync metadata
 * are written in ONE transaction, so a reader sees either the old content or the new, never an
 * empty store; progress, dismissals and votes are not touched. contentVersion grows only when the
 * bundle's items or apps differ from what was loaded last.
 */
export async function ensureStarterContent(
  db: WaymarkDatabase,
  bundle: Pick<Bundle, 'items' | 'apps'>,
  { reason }: { reason: StarterReason },
): Promise<StarterResult> {
  const hash = contentHash(bundle);
  return db.transaction('rw', [db.items, db.apps, db.meta], async () => {
    const state = await getSyncState(db);
    const counts = { items: await db.items.count(), apps: await db.apps.count() };
    const result = (outcome: StarterResult['outcome'], contentVersion: number) => ({
      outcome,
      reason,
      contentVersion,
      ...counts,
    });
    if (state.source === 'server') return result('server-content', state.contentVersion);
    // The counts guard against a store emptied behind the hash's back (e.g. a failed clear).
    const same =
      state.contentHash === hash &&
      counts.items === new Set(bundle.items.map((item) => item.id)).size &&
      counts.apps === new Set(bundle.apps.map((app) => app.id)).size;
    if (same) return result('unchanged', state.contentVersion);

    await replaceItems(db, bundle.items);
    await replaceApps(db, bundle.apps);
    const next = await updateSyncState(db, {
      source: 'starter-pack',
      contentHash: hash,
      contentVersion: state.contentVersion + 1,
      cursor: undefined,
    });
    counts.items = await db.items.count();
    counts.apps = await db.apps.count();
    return result('loaded', next.contentVersion);
  });
}
