import {
  allPublishedItems,
  getSearchIndexFor,
  getSetting,
  getSyncState,
  putSearchIndex,
  type WaymarkDatabase,
} from '@/lib/db';
import {
  buildIndex,
  itemToSearchDocIn,
  loadIndex,
  type SearchIndex,
  type SerializedIndex,
} from '@/lib/search';

/**
 * The search index for the store's current content version. Built once after content changes and
 * persisted; a service-worker wake loads the stored one; queries reuse the one in memory. Never
 * rebuilt per query.
 */
export class SearchCache {
  #version = -1;
  /**
   * The organisation's default content language the index in memory was built with: items
   * without `locale` are analysed in it (the sync's follower reads it too).
   */
  defaultLocale = 'en';
  #index: Promise<SearchIndex> | undefined;
  /** How the current index was obtained (for tests and status). */
  lastSource: 'memory' | 'stored' | 'built' | undefined;

  constructor(private readonly db: WaymarkDatabase) {}

  async get(): Promise<SearchIndex> {
    const { contentVersion } = await getSyncState(this.db);
    const defaultLocale = await getSetting(this.db, 'contentDefaultLocale');
    const same = this.#version === contentVersion && this.defaultLocale === defaultLocale;
    this.defaultLocale = defaultLocale;
    if (this.#index !== undefined && same) {
      this.lastSource = 'memory';
      return this.#index;
    }
    this.#version = contentVersion;
    this.#index = this.#open(contentVersion);
    this.#index.catch(() => {
      // A failed build is retried on the next call rather than cached.
      this.#index = undefined;
    });
    return this.#index;
  }

  /** The index held in memory and the content version it belongs to, if one was opened. */
  current(): { index: Promise<SearchIndex>; contentVersion: number } | undefined {
    return this.#index === undefined
      ? undefined
      : { index: this.#index, contentVersion: this.#version };
  }

  /**
   * Takes `index` as the one for `contentVersion`: a sync that updated the index in place (see
   * lib/sync/search-update.ts) hands it back, so the next `get()` neither loads nor rebuilds.
   */
  adopt(index: SearchIndex, contentVersion: number): void {
    this.#version = contentVersion;
    this.#index = Promise.resolve(index);
  }

  async #open(contentVersion: number): Promise<SearchIndex> {
    const stored = await getSearchIndexFor(this.db, contentVersion);
    if (stored !== undefined) {
      try {
        const index = loadIndex(JSON.parse(stored.data) as SerializedIndex);
        for (const change of stored.changes) index.applyChange(change);
        this.lastSource = 'stored';
        return index;
      } catch (error) {
        console.warn('Waymark: the stored search index is unreadable; rebuilding it.', error);
      }
    }
    const items = await allPublishedItems(this.db);
    const index = buildIndex(items.map(itemToSearchDocIn(this.defaultLocale)));
    await putSearchIndex(this.db, { contentVersion, data: JSON.stringify(index.toJSON()) });
    this.lastSource = 'built';
    return index;
  }
}
