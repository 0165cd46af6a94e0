import type { AppDefinition, Item } from '@/lib/content-model';
import {
  getSyncState,
  replaceApps,
  replaceItems,
  updateSyncState,
  type WaymarkDatabase,
} from '@/lib/db';
import { afterPage, type ApplyContext, type ContentChange } from './apply';
import type { ValidPage } from './validate-page';

/**
 * A full feed read from zero, held in memory while it is fetched, so the store keeps serving the
 * old content until `swapIn` replaces it in one transaction (the UI never sees an empty store).
 * A corpus of tens of thousands of items is a few tens of MB at most; a staging table would be
 * the next step if that stops being true.
 */
export class StagedContent {
  readonly items = new Map<string, Item>();
  readonly apps = new Map<string, AppDefinition>();
  cursor: string | undefined;
  pages = 0;

  /** Same rules as applyPage: newer versions win, then tombstones remove. */
  add(page: ValidPage): void {
    for (const item of page.items) {
      if ((this.items.get(item.id)?.version ?? -1) < item.version) this.items.set(item.id, item);
    }
    for (const app of page.apps) this.apps.set(app.id, app);
    for (const { kind, id } of page.deleted) (kind === 'item' ? this.items : this.apps).delete(id);
    this.cursor = page.cursor;
    this.pages += 1;
  }
}

/**
 * Replaces every item and app with the staged content, with its cursor, in ONE transaction.
 * The change lists every staged item as upserted and every item that disappeared as deleted,
 * so the search index can follow without a special case.
 */
export async function swapIn(
  db: WaymarkDatabase,
  staged: StagedContent,
  context: ApplyContext,
): Promise<ContentChange> {
  const cursor = staged.cursor;
  if (cursor === undefined) throw new Error('swapIn: nothing was staged');
  return db.transaction('rw', [db.items, db.apps, db.meta], async () => {
    const before = await db.items.toCollection().primaryKeys();
    await replaceItems(db, [...staged.items.values()]);
    await replaceApps(db, [...staged.apps.values()]);
    const state = await getSyncState(db);
    const next = await updateSyncState(db, afterPage(state, cursor, true, context, false));
    return {
      upserted: [...staged.items.keys()],
      deleted: before.filter((id) => !staged.items.has(id)),
      contentVersion: next.contentVersion,
      changed: true,
      replaced: true,
    };
  });
}
