import type { Draft } from '@/lib/messages';
import type { WaymarkDatabase } from './database';

/**
 * Saves a draft unless the stored copy is newer (two panels, or an element picked while the
 * panel was typing): the newer `updatedAt` wins, and the caller gets the copy that was kept.
 */
export async function putDraft(
  db: WaymarkDatabase,
  draft: Draft,
): Promise<{ saved: boolean; draft: Draft }> {
  return db.transaction('rw', db.drafts, async () => {
    const stored = await db.drafts.get(draft.key);
    if (stored !== undefined && stored.updatedAt > draft.updatedAt)
      return { saved: false, draft: stored };
    await db.drafts.put(draft);
    return { saved: true, draft };
  });
}

export async function getDraft(db: WaymarkDatabase, key: string): Promise<Draft | undefined> {
  return db.drafts.get(key);
}

/** Newest first. */
export async function listDrafts(db: WaymarkDatabase): Promise<Draft[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

export async function deleteDraft(db: WaymarkDatabase, key: string): Promise<boolean> {
  const had = (await db.drafts.get(key)) !== undefined;
  await db.drafts.delete(key);
  return had;
}
