import { getItems, putSearchIndex, type WaymarkDatabase } from '@/lib/db';
import type { SearchCache } from '@/lib/knowledge';
import { itemToSearchDoc, type SearchIndex } from '@/lib/search';
import type { ContentChange } from './apply';

/**
 * Brings `index` up to date with one applied change, in place: deleted ids go, upserted ids are
 * read back from the store (the state after the change, or newer) and added when published,
 * removed otherwise. Then it is persisted under the change's contentVersion, so a service-worker
 * wake loads it instead of rebuilding the whole corpus.
 */
export async function updateSearchIndex(
  db: WaymarkDatabase,
  index: SearchIndex,
  change: ContentChange,
  at?: number,
): Promise<void> {
  const items = await getItems(db, change.upserted);
  const published = new Map(
    items.filter((item) => item.status === 'published').map((item) => [item.id, item]),
  );
  // All reads are done: the in-place update below runs without an await, so no search query
  // ever sees it half done.
  for (const id of change.deleted) index.remove(id);
  for (const id of change.upserted) {
    const item = published.get(id);
    if (item === undefined) index.remove(id);
    else index.add(itemToSearchDoc(item));
  }
  const data = JSON.stringify(index.toJSON());
  await putSearchIndex(db, { contentVersion: change.contentVersion, data }, at);
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
