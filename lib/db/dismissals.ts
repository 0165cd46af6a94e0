import type { WaymarkDatabase } from './database';

/** A tip the user closed with "don't show again". Times are epoch milliseconds. */
export interface Dismissal {
  tipId: string;
  dismissedAt: number;
}

/** Dismisses a tip; dismissing it again keeps the first time. */
export async function dismissTip(
  db: WaymarkDatabase,
  tipId: string,
  at: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.dismissals, async () => {
    if ((await db.dismissals.get(tipId)) === undefined) {
      await db.dismissals.put({ tipId, dismissedAt: at });
    }
  });
}

export async function undismissTip(db: WaymarkDatabase, tipId: string): Promise<void> {
  await db.dismissals.delete(tipId);
}

export async function isTipDismissed(db: WaymarkDatabase, tipId: string): Promise<boolean> {
  return (await db.dismissals.get(tipId)) !== undefined;
}

/** Every dismissed tip id, for filtering a screen's tips in one read. */
export async function dismissedTipIds(db: WaymarkDatabase): Promise<Set<string>> {
  return new Set(await db.dismissals.toCollection().primaryKeys());
}

export async function allDismissals(db: WaymarkDatabase): Promise<Dismissal[]> {
  return db.dismissals.orderBy('dismissedAt').toArray();
}

export async function clearDismissals(db: WaymarkDatabase): Promise<void> {
  await db.dismissals.clear();
}
