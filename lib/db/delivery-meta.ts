import { z } from 'zod';
import { installIdSchema } from '@/lib/insights';
import type { WaymarkDatabase } from './database';
import type { MetaRow } from './meta';

/** The value a meta row holds (its `id` or `batch`), unchecked. */
async function readRow(db: WaymarkDatabase, key: 'install' | 'last-batch'): Promise<unknown> {
  const row = await db.meta.get(key);
  if (row?.key === 'install') return row.id;
  return row?.key === 'last-batch' ? row.batch : undefined;
}

/**
 * This install's id for the insight events' idempotency key (install, seq). It lives in the same
 * database as the outbox: a new database (a reinstall) restarts seq at 1 and gets a new id with it.
 */
export async function installId(db: WaymarkDatabase): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = installIdSchema.safeParse(await readRow(db, 'install'));
    if (stored.success) return stored.data;
    const id = crypto.randomUUID();
    const row: MetaRow = { key: 'install', id };
    await db.meta.put(row);
    return id;
  });
}

/** The last request of events, verbatim, for "What Waymark sends" in the options page. */
const sentBatchSchema = z.object({
  /** ISO time it was sent. */
  at: z.string(),
  /** Where it went (the server's events endpoint). */
  url: z.string(),
  /** The request body exactly as sent. */
  body: z.string(),
  /** What the server answered, in words. */
  outcome: z.string(),
});
export type SentBatch = z.output<typeof sentBatchSchema>;

export async function saveLastBatch(db: WaymarkDatabase, batch: SentBatch): Promise<void> {
  const row: MetaRow = { key: 'last-batch', batch };
  await db.meta.put(row);
}

export async function lastBatch(db: WaymarkDatabase): Promise<SentBatch | undefined> {
  const parsed = sentBatchSchema.safeParse(await readRow(db, 'last-batch'));
  return parsed.success ? parsed.data : undefined;
}
