import type { WaymarkDatabase } from './database';

/**
 * The serialized search index (opaque JSON text built in `lib/search`), stored with the content
 * version it was built from so a service-worker wake loads it instead of rebuilding.
 */
export interface SearchIndexRow {
  key: typeof SEARCH_INDEX_KEY;
  contentVersion: number;
  data: string;
  builtAt: number;
}

export type StoredSearchIndex = Omit<SearchIndexRow, 'key'>;

const SEARCH_INDEX_KEY = 'current';

export async function putSearchIndex(
  db: WaymarkDatabase,
  index: { contentVersion: number; data: string },
  at: number = Date.now(),
): Promise<void> {
  await db.searchIndex.put({ key: SEARCH_INDEX_KEY, ...index, builtAt: at });
}

/** The stored index, whichever content version it belongs to. */
export async function getSearchIndex(db: WaymarkDatabase): Promise<StoredSearchIndex | undefined> {
  const row = await db.searchIndex.get(SEARCH_INDEX_KEY);
  if (row === undefined) return undefined;
  const { contentVersion, data, builtAt } = row;
  return { contentVersion, data, builtAt };
}

/** The stored index's data when it was built from `contentVersion`; `undefined` when stale. */
export async function getSearchIndexFor(
  db: WaymarkDatabase,
  contentVersion: number,
): Promise<string | undefined> {
  const stored = await getSearchIndex(db);
  return stored?.contentVersion === contentVersion ? stored.data : undefined;
}

export async function clearSearchIndex(db: WaymarkDatabase): Promise<void> {
  await db.searchIndex.clear();
}
