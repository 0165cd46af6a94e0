import type { AppDefinition } from '@/lib/content-model';
import {
  getSyncState,
  updateSyncState,
  upsertNewerItems,
  type SyncState,
  type WaymarkDatabase,
} from '@/lib/db';
import type { ValidPage } from './validate-page';

/** What an applied page changed, for the search index; `contentVersion` is the version after. */
export interface ContentChange {
  upserted: string[];
  deleted: string[];
  contentVersion: number;
  /** False when the page held nothing new (a replay): contentVersion did not move. */
  changed: boolean;
  /** True when the change replaced the whole content (a rebuild's swap, see staged-content.ts). */
  replaced?: boolean;
}

export interface ApplyContext {
  /** The cursor the page was asked for: the etag only describes a request with this cursor. */
  requestCursor: string | undefined;
  etag: string | undefined;
  /** Local time of the sync, for display only (`lastSyncAt`). */
  now: number;
}

/** App definitions carry no version, so "changed" means "differs from what is stored". */
async function upsertChangedApps(db: WaymarkDatabase, apps: readonly AppDefinition[]) {
  const stored = await db.apps.bulkGet(apps.map((app) => app.id));
  const changed = apps.filter((app, i) => JSON.stringify(stored[i]) !== JSON.stringify(app));
  await db.apps.bulkPut(changed);
  return changed.length;
}

async function deletePresent(
  table: WaymarkDatabase['items'] | WaymarkDatabase['apps'],
  ids: string[],
) {
  const present = (await table.bulkGet(ids)).flatMap((row) => (row === undefined ? [] : [row.id]));
  await table.bulkDelete(present);
  return present;
}

/**
 * The sync-state patch after a page: cursor and etag together, version bumped only on change.
 * The last page of the feed (`more: false`) carries the server's "caught up" ETag, which is the
 * tag of the next request from its cursor: kept, an idle sync is a single 304. A page with more
 * after it describes only its own request, so its tag is not kept.
 */
export function afterPage(
  state: SyncState,
  cursor: string,
  changed: boolean,
  context: ApplyContext,
  more: boolean,
) {
  return {
    source: 'server',
    cursor,
    etag: more ? undefined : context.etag,
    lastSyncAt: context.now,
    contentVersion: state.contentVersion + (changed ? 1 : 0),
  } satisfies Partial<SyncState>;
}

/**
 * Applies a validated page and its cursor in ONE transaction, so a killed service worker leaves
 * either the page and its cursor or neither. Upserts before tombstones (a page that lists an item
 * and its tombstone means it was deleted). Only items, apps and sync meta are touched: progress,
 * dismissals and votes are the learner's. Applying the same page again changes nothing.
 */
export async function applyPage(
  db: WaymarkDatabase,
  page: ValidPage,
  context: ApplyContext,
): Promise<ContentChange> {
  return db.transaction('rw', [db.items, db.apps, db.meta], async () => {
    const upserted = await upsertNewerItems(db, page.items);
    const appsChanged = await upsertChangedApps(db, page.apps);
    const ids = (kind: 'item' | 'app') =>
      page.deleted.filter((t) => t.kind === kind).map((t) => t.id);
    const deleted = await deletePresent(db.items, ids('item'));
    const deletedApps = await deletePresent(db.apps, ids('app'));
    const changed = upserted.length + appsChanged + deleted.length + deletedApps.length > 0;
    const state = await getSyncState(db);
    const next = await updateSyncState(
      db,
      afterPage(state, page.cursor, changed, context, page.more),
    );
    const upsertedNow = upserted.filter((id) => !deleted.includes(id));
    return { upserted: upsertedNow, deleted, contentVersion: next.contentVersion, changed };
  });
}
