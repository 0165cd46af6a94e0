import { z } from 'zod';
import { SEARCH_LANGS, type SearchDoc } from '@/lib/search';
import type { WaymarkDatabase } from './database';
import { getSetting, setSetting } from './settings';

/**
 * The persisted search index: a snapshot (opaque JSON text built in `lib/search`) stored with the
 * content version it was built from, plus a log of the changes made since, one row per content
 * version. One changed item appends a row of a few KB instead of re-serialising the whole index;
 * the log is folded into a new snapshot now and then (lib/sync/search-update.ts). A service-worker
 * wake loads the snapshot and replays the log instead of rebuilding.
 */
export interface SearchIndexRow {
  key: typeof SEARCH_INDEX_KEY;
  contentVersion: number;
  data: string;
  builtAt: number;
}

/** One content version's change to the index: documents removed, then documents (re)added. */
export interface SearchIndexChange {
  fromVersion: number;
  contentVersion: number;
  removed: string[];
  docs: SearchDoc[];
}

export interface SearchIndexChangeRow extends SearchIndexChange {
  key: string;
  builtAt: number;
}

export type StoredSearchIndex = Omit<SearchIndexRow, 'key'>;

const SEARCH_INDEX_KEY = 'current';
const CHANGE_PREFIX = 'change:';
/** Keys sort by version: zero-padded to the 16 digits of a safe integer. */
const changeKey = (version: number) => `${CHANGE_PREFIX}${String(version).padStart(16, '0')}`;

const list = z.array(z.string()).optional();
/** Stored rows may come from an older release or be damaged: checked before they are replayed. */
const changeSchema = z.object({
  fromVersion: z.number().int(),
  contentVersion: z.number().int(),
  removed: z.array(z.string()),
  docs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string().optional(),
      tags: list,
      body: z.string().optional(),
      type: z.string().optional(),
      lang: z.enum(SEARCH_LANGS).optional(),
      apps: list,
      screens: list,
      roles: list,
      teams: list,
    }),
  ),
});

const changeRows = (db: WaymarkDatabase) => db.searchIndex.where('key').startsWith(CHANGE_PREFIX);

/** Stores a snapshot and drops the log it folds in, in one transaction. */
export async function putSearchIndex(
  db: WaymarkDatabase,
  index: { contentVersion: number; data: string },
  at: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.put({ key: SEARCH_INDEX_KEY, ...index, builtAt: at });
    await changeRows(db).delete();
  });
}

/** Appends one change to the log (one atomic put); returns how many changes the log holds. */
export async function appendSearchIndexChange(
  db: WaymarkDatabase,
  change: SearchIndexChange,
  at: number = Date.now(),
): Promise<number> {
  return db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.put({ key: changeKey(change.contentVersion), ...change, builtAt: at });
    return changeRows(db).count();
  });
}

/** The stored snapshot, whichever content version it belongs to. */
export async function getSearchIndex(db: WaymarkDatabase): Promise<StoredSearchIndex | undefined> {
  const row = await db.searchIndex.get(SEARCH_INDEX_KEY);
  if (row === undefined || !('data' in row)) return undefined;
  const { contentVersion, data, builtAt } = row;
  return { contentVersion, data, builtAt };
}

/**
 * The snapshot and the changes that bring it to `contentVersion`, read in one transaction;
 * `undefined` when they do not reach it (a change was never written: the worker stopped first)
 * or a change row is damaged. The caller then rebuilds from the items.
 */
export async function getSearchIndexFor(
  db: WaymarkDatabase,
  contentVersion: number,
): Promise<{ data: string; changes: SearchIndexChange[] } | undefined> {
  const [stored, rows] = await db.transaction('r', db.searchIndex, () =>
    Promise.all([getSearchIndex(db), changeRows(db).toArray()]),
  );
  if (stored === undefined) return undefined;
  const changes: SearchIndexChange[] = [];
  let version = stored.contentVersion;
  for (const row of rows) {
    const parsed = changeSchema.safeParse(row);
    if (!parsed.success || parsed.data.fromVersion !== version) return undefined;
    changes.push(parsed.data);
    version = parsed.data.contentVersion;
  }
  return version === contentVersion ? { data: stored.data, changes } : undefined;
}

export async function clearSearchIndex(db: WaymarkDatabase): Promise<void> {
  await db.searchIndex.clear();
}

/**
 * Records the organisation's default content language. A change drops the stored search index
 * in the same transaction: items without `locale` were analysed in the old language, so the next
 * search rebuilds it (lib/knowledge/search-cache.ts compares the language too). True on a change.
 */
export async function setContentDefaultLocale(db: WaymarkDatabase, tag: string): Promise<boolean> {
  return db.transaction('rw', db.settings, db.searchIndex, async () => {
    if ((await getSetting(db, 'contentDefaultLocale')) === tag) return false;
    await setSetting(db, 'contentDefaultLocale', tag);
    await db.searchIndex.clear();
    return true;
  });
}
