import type { WaymarkDatabase } from './database';

/** A usage event waiting to be sent. Its shape beyond `type` and `at` belongs to the sender. */
export interface OutboxEvent {
  type: string;
  /** When it happened, epoch milliseconds. */
  at: number;
  data?: Record<string, unknown> | undefined;
  /** How many times it happened: repeats folded into one row by `countAgain`. 1 when absent. */
  count?: number | undefined;
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

/** Every queued event of `type`, in seq order (the outbox is capped, so this stays small). */
export async function eventsOfType(db: WaymarkDatabase, type: string): Promise<OutboxEntry[]> {
  return db.outbox.filter((event) => event.type === type).toArray();
}

/**
 * Folds one more occurrence into the queued event `seq`: its count goes up and `at` becomes the
 * latest. Returns false when that event is no longer queued (sent, or dropped by the limit).
 */
export async function countAgain(db: WaymarkDatabase, seq: number, at: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const event = await db.outbox.get(seq);
    if (event === undefined) return false;
    await db.outbox.update(seq, { count: (event.count ?? 1) + 1, at });
    return true;
  });
}

/**
 * Acknowledges exactly the given occurrences (seq → how many the server has): an event they
 * cover goes, one counted again since it was read keeps the rest. Unlike `ackEvents`, events not
 * listed stay, whatever their seq. Returns how many events went.
 */
export async function ackCounts(
  db: WaymarkDatabase,
  sent: ReadonlyMap<number, number>,
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    let removed = 0;
    for (const [seq, count] of sent) {
      const event = await db.outbox.get(seq);
      if (event === undefined) continue;
      const left = (event.count ?? 1) - count;
      if (left > 0) await db.outbox.update(seq, { count: left });
      else {
        await db.outbox.delete(seq);
        removed += 1;
      }
    }
    return removed;
  });
}

export async function countEvents(db: WaymarkDatabase): Promise<number> {
  return db.outbox.count();
}
