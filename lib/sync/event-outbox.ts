import {
  eventsOfType,
  installId,
  removeEvents,
  saveLastBatch,
  sealBatch,
  type OutboxEntry,
  type SentBatch,
  type WaymarkDatabase,
} from '@/lib/db';
import type { InsightEvent } from '@/lib/insights';

/**
 * The outbox as the delivery client sees it: each method is one IndexedDB transaction, so a
 * service worker killed between two of them leaves the outbox in a state the next flush resumes
 * from. Tests wrap it to kill a flush at every step.
 */
export interface EventOutbox {
  installId: () => Promise<string>;
  /** The oldest rows, sealed (see lib/db sealBatch); refused ones are deleted. */
  sealBatch: (size: number, allowed: (event: InsightEvent) => boolean) => Promise<OutboxEntry[]>;
  /** Every row of one type, sealed (the legacy anchor-report route sends them aggregated). */
  sealType: (type: InsightEvent['type']) => Promise<OutboxEntry[]>;
  remove: (seqs: readonly number[]) => Promise<number>;
  clear: () => Promise<void>;
  saveLastBatch: (batch: SentBatch) => Promise<void>;
}

export function dexieOutbox(db: WaymarkDatabase): EventOutbox {
  return {
    installId: () => installId(db),
    sealBatch: (size, allowed) => sealBatch(db, size, allowed),
    sealType: (type) =>
      db.transaction('rw', db.outbox, async () => {
        const rows = await eventsOfType(db, type);
        const sealed = rows.map((row): OutboxEntry => ({
          seq: row.seq,
          event: row.event,
          sealed: 1,
        }));
        await db.outbox.bulkPut(sealed);
        return sealed;
      }),
    remove: (seqs) => removeEvents(db, seqs),
    clear: () => db.outbox.clear(),
    saveLastBatch: (batch) => saveLastBatch(db, batch),
  };
}
