/**
 * For `npm run bench:sync`: what persisting the search index costs after ONE changed item among
 * the bench's items, with the extension's own code (lib/sync/search-update.ts) on fake-indexeddb
 * in Node, against the baseline measured in the same run: re-serialising and storing the whole
 * index (what every change cost before the change log, and what a snapshot still costs).
 */
import { bumpContentVersion, getSearchIndex, upsertItems } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { itemSchema } from '@/lib/content-model';
import { SearchCache } from '@/lib/knowledge';
import { snapshot, updateSearchIndex } from '@/lib/sync/search-update';
import { median } from '../browser/stats';

export interface PersistFigures {
  /** Median ms to update the index in place and log one changed item. */
  oneChangeMs: number;
  /** Median bytes of the stored change row. */
  oneChangeBytes: number;
  /** Median ms to serialise and store the whole index (the baseline). */
  snapshotMs: number;
  snapshotBytes: number;
  runs: number;
}

export async function measureIndexPersist(raw: unknown[], runs = 5): Promise<PersistFigures> {
  const items = raw.map((item) => itemSchema.parse(item));
  const db = testDatabase();
  try {
    await upsertItems(db, items);
    const index = await new SearchCache(db).get();
    const changeMs: number[] = [];
    const changeBytes: number[] = [];
    const snapshotMs: number[] = [];
    let snapshotBytes = 0;
    for (let r = 0; r < runs; r++) {
      const item = items[(r * 997) % items.length]!;
      const changed = { ...item, title: `${item.title} (changed ${r})`, version: item.version + 1 };
      await upsertItems(db, [changed]);
      const { contentVersion } = await bumpContentVersion(db);
      const change = { upserted: [changed.id], deleted: [], contentVersion, changed: true };
      let t = performance.now();
      await updateSearchIndex(db, index, change);
      changeMs.push(performance.now() - t);
      const row = await db.searchIndex.where('key').startsWith('change:').last();
      changeBytes.push(JSON.stringify(row).length);
      t = performance.now();
      await snapshot(db, index, contentVersion);
      snapshotMs.push(performance.now() - t);
      snapshotBytes = (await getSearchIndex(db))?.data.length ?? 0;
    }
    return {
      oneChangeMs: median(changeMs),
      oneChangeBytes: median(changeBytes),
      snapshotMs: median(snapshotMs),
      snapshotBytes,
      runs,
    };
  } finally {
    db.close();
  }
}
