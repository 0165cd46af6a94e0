import {
  appendSearchIndexChange,
  getItems,
  getSetting,
  putSearchIndex,
  type SearchIndexChange,
  type WaymarkDatabase,
} from '@/lib/db';
import type { SearchCache } from '@/lib/knowledge';
import { itemToSearchDocIn, type SearchIndex } from '@/lib/search';
import type { ContentChange } from './apply';

/** Lets a search (or anything else) run between slices of index work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The log is folded into a new snapshot once it holds this many changes… */
export const MAX_LOGGED_CHANGES = 32;
/** …and a change touching more documents than this is written as a snapshot straight away. */
export const MAX_LOGGED_DOCS = 200;

/**
 * Brings `index` up to date with one applied change, in place: deleted ids go, upserted ids are
 * read back from the store (the state after the change, or newer) and added when published,
 * removed otherwise. Then it is persisted under the change's contentVersion: as one row in the
 * index's change log when the change is small (a few KB for one item, not the whole index), as a
 * new snapshot when it is large or the log is long. Either write is one IndexedDB transaction, so
 * a worker stopped mid-write leaves the previous state, which `SearchCache` sees is behind and
 * rebuilds.
 */
export async function updateSearchIndex(
  db: WaymarkDatabase,
  index: SearchIndex,
  change: ContentChange,
  at?: number,
): Promise<void> {
  const items = await getItems(db, change.upserted);
  const defaultLocale = await getSetting(db, 'contentDefaultLocale');
  const published = new Map(
    items.filter((item) => item.status === 'published').map((item) => [item.id, item]),
  );
  const logged: SearchIndexChange = {
    fromVersion: change.contentVersion - 1,
    contentVersion: change.contentVersion,
    removed: [...change.deleted, ...change.upserted.filter((id) => !published.has(id))],
    docs: change.upserted.flatMap((id) => {
      const item = published.get(id);
      return item === undefined ? [] : [itemToSearchDocIn(defaultLocale)(item)];
    }),
  };
  // All reads are done: the in-place update below runs without an await, so no search query
  // ever sees it half done.
  index.applyChange(logged);
  if (logged.removed.length + logged.docs.length > MAX_LOGGED_DOCS) {
    await snapshot(db, index, change.contentVersion, at);
    return;
  }
  const length = await appendSearchIndexChange(db, logged, at);
  if (length >= MAX_LOGGED_CHANGES) await snapshot(db, index, change.contentVersion, at);
}

/** Writes the whole index as the snapshot for `contentVersion`, folding the log into it. */
export async function snapshot(
  db: WaymarkDatabase,
  index: SearchIndex,
  contentVersion: number,
  at?: number,
): Promise<void> {
  // A tenth of the items changed since the semantic model was learned (or an index stored before
  // it was loaded): learn it again, in slices, before the snapshot stores it.
  await index.refreshSemantic(nextTask);
  const data = JSON.stringify(index.toJSON());
  await putSearchIndex(db, { contentVersion, data }, at);
}

/**
 * The engine's `onChanged` for the background: updates the cache's in-memory index when it is the
 * one just before this change (each applied page moves contentVersion by exactly one). Otherwise
 * nothing is done here and `SearchCache.get()` loads or rebuilds for the new version as before.
 * Returns whether the index was updated incrementally.
 */
export async function applyChangeToSearch(
  db: WaymarkDatabase,
  cache: SearchCache,
  change: ContentChange,
): Promise<boolean> {
  const current = cache.current();
  if (current === undefined || current.contentVersion !== change.contentVersion - 1) return false;
  const index = await current.index;
  await updateSearchIndex(db, index, change);
  cache.adopt(index, change.contentVersion);
  return true;
}
