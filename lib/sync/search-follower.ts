import { getSyncState, putSearchIndex, type WaymarkDatabase } from '@/lib/db';
import type { SearchCache } from '@/lib/knowledge';
import { itemToSearchDocIn, SearchIndex } from '@/lib/search';
import type { ContentChange } from './apply';
import { applyChangeToSearch, nextTask } from './search-update';
import type { StagedContent } from './staged-content';
import type { ValidPage } from './validate-page';

/**
 * A rebuild's snapshot starts this long after the swap: the end of the sync and the learner's
 * first searches run first. A worker stopped before then rebuilds on its next wake.
 */
export const SNAPSHOT_DELAY_MS = 3000;

/**
 * Keeps the search index following the sync. A rebuild (first sync, expired cursor) indexes each
 * page as it is staged, while the next page downloads, and the swap hands that index to the cache:
 * the first search after a cold sync answers from memory instead of waiting for a 10k-item build.
 * Its snapshot is then written in slices in the background (a sync does not wait for it; a worker
 * stopped first only costs a rebuild on the next wake). Smaller changes update the cached index in
 * place and log the change (search-update.ts).
 */
export class SearchFollower {
  #staging: SearchIndex | undefined;
  #persisting: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: WaymarkDatabase,
    private readonly cache: SearchCache,
    private readonly log: (message: string) => void = console.warn,
    /** Resolves when a rebuild's snapshot may start (tests pass their own gate). */
    private readonly snapshotDue: () => Promise<unknown> = () =>
      new Promise((resolve) => setTimeout(resolve, SNAPSHOT_DELAY_MS)),
  ) {}

  /** The engine's `onStaged`: indexes the page's items as the staged content now holds them. */
  stage(page: ValidPage, staged: StagedContent): void {
    if (staged.pages === 1) this.#staging = new SearchIndex();
    const index = this.#staging;
    // A rebuild whose first pages this follower missed, or that failed: the swap updates in place.
    if (index === undefined) return;
    try {
      for (const item of page.items) {
        // An item the staging kept an equal or newer version of is not this one: skip it.
        if (staged.items.get(item.id) !== item) continue;
        if (item.status === 'published')
          index.add(itemToSearchDocIn(this.cache.defaultLocale)(item));
        else index.remove(item.id);
      }
      for (const { kind, id } of page.deleted) if (kind === 'item') index.remove(id);
      index.warm();
    } catch (error) {
      this.#staging = undefined;
      throw error;
    }
  }

  /** The engine's `onChanged`. */
  async changed(change: ContentChange): Promise<void> {
    const staged = this.#staging;
    this.#staging = undefined;
    if (change.replaced === true && staged !== undefined) {
      this.cache.adopt(staged, change.contentVersion);
      this.#persisting = this.#persisting
        .then(this.snapshotDue)
        .then(() => this.#snapshot(staged, change.contentVersion));
      return;
    }
    await this.#persisting;
    await applyChangeToSearch(this.db, this.cache, change);
  }

  /** Resolves when the last background snapshot is written (or given up). */
  idle(): Promise<void> {
    return this.#persisting;
  }

  async #snapshot(index: SearchIndex, contentVersion: number): Promise<void> {
    try {
      // The staged index has no semantic model yet: learn it now, in slices, then store both.
      const json = (await index.refreshSemantic(nextTask))
        ? await index.toJSONInSteps(nextTask)
        : undefined;
      // Changed meanwhile (changes wait for this write, so only by another writer): the snapshot
      // would not match its version; the next wake rebuilds instead.
      if (json === undefined) return;
      const data = JSON.stringify(json);
      const { db } = this;
      // Only while the store is still at that version: after a sign-out (which moves the version
      // on and wipes the index) nothing of the account may be written back.
      await db.transaction('rw', [db.meta, db.searchIndex], async () => {
        if ((await getSyncState(db)).contentVersion === contentVersion)
          await putSearchIndex(db, { contentVersion, data });
      });
    } catch (error) {
      this.log(
        `Waymark: could not store the search index (${String(error)}); rebuilt on the next wake`,
      );
    }
  }
}
