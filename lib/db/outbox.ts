import type { WaymarkDatabase } from './database';

/** A usage event waiting to be sent. Its shape beyond `type` and `at` belongs to the sender. */
export interface OutboxEvent {
  type: string;
  /** When it happened, epoch milliseconds. */
  at: number;
  data?: Record<string, unknown> | undefined;
}

export interface OutboxEntry extends OutboxEvent {
  /**
   * Assigned on append from IndexedDB's key generator, which only ever grows (deleting rows does
   * not reuse numbers), so the server can de-duplicate a batch sent twice by seq.
   * https://www.w3.org/TR/IndexedDB/#key-generator-concept
   */
  seq: number;
}

/** Past this many queued events (e.g. months offline) the oldest are dropped. */
export const OUTBOX_LIMIT = 5_000;

/** Appends an event and returns its seq. */
export async function appendEvent(
  db: WaymarkDatabase,
  event: OutboxEvent,
  limit: number = OUTBOX_LIMIT,
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const seq = await db.outbox.add({ ...event });
    const excess = (await db.outbox.count()) - limit;
    if (excess > 0) await db.outbox.limit(excess).delete();
    return seq;
  });
}

/** The oldest `limit` events, in seq order, left in place until acknowledged. */
export async function peekEvents(db: WaymarkDatabase, limit: number): Promise<OutboxEntry[]> {
  return db.outbox.limit(limit).toArray();
}

/** Removes every event with seq ≤ `seq` (the server has them); returns how many went. */
export async function ackEvents(db: WaymarkDatabase, seq: number): Promise<number> {
  return db.outbox.where(':id').belowOrEqual(seq).delete();
}

export async function countEvents(db: WaymarkDatabase): Promise<number> {
  return db.outbox.count();
}
