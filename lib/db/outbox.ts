import { coalesceKey, dayOf, EVENT_VERSION, fold, type InsightEvent } from '@/lib/insights';
import type { WaymarkDatabase } from './database';

/**
 * A queued insight event. `seq` comes from IndexedDB's key generator, which only grows (deleting
 * or clearing rows never reuses a number), so with the install id it is the idempotency key the
 * server de-duplicates on. https://www.w3.org/TR/IndexedDB/#key-generator-concept
 */
export interface OutboxEntry {
  seq: number;
  event: InsightEvent;
  /** The coalescing key while the row is open to repeats; gone once it is sealed. */
  key?: string;
  /**
   * Set (to 1) when the row is handed to a send. A sealed row never changes again: the server may
   * hold it under this seq, so a later repeat starts a new row instead of changing what was sent.
   */
  sealed?: 1;
}

/**
 * At most this many rows wait (days offline at a busy desk fit several times over); past it the
 * oldest are dropped and the drop is itself queued as an `outbox_dropped` event.
 */
export const OUTBOX_LIMIT = 20_000;

const droppedEvent = (count: number, at: number): InsightEvent => ({
  type: 'outbox_dropped',
  v: EVENT_VERSION,
  day: dayOf(at),
  count,
});

/** Adds `event`, folding it into its open (unsealed) row when it has one. */
async function recordOne(db: WaymarkDatabase, event: InsightEvent): Promise<void> {
  const key = coalesceKey(event);
  const open = key === undefined ? undefined : await db.outbox.where('key').equals(key).first();
  if (open === undefined) {
    await db.outbox.add(key === undefined ? { event } : { event, key });
    return;
  }
  const folded = fold(open.event, event);
  if (folded.kind === 'replace') await db.outbox.put({ ...open, event: folded.event });
  else if (folded.kind === 'cancel') await db.outbox.delete(open.seq);
  else {
    // The open row is full: it stays as it is, closed to repeats, and this one takes the key.
    await db.outbox.put({ seq: open.seq, event: open.event });
    await db.outbox.add({ event, key: key! });
  }
}

/** Drops the oldest rows past `limit` and queues how many went. */
async function enforceLimit(db: WaymarkDatabase, limit: number, at: number): Promise<void> {
  const excess = (await db.outbox.count()) - limit;
  if (excess <= 0) return;
  const oldest = await db.outbox.limit(excess).toArray();
  await db.outbox.bulkDelete(oldest.map((row) => row.seq));
  // A drop counter among the dropped rows carries its own count on.
  const count = oldest.reduce(
    (sum, row) => sum + (row.event.type === 'outbox_dropped' ? row.event.count : 1),
    0,
  );
  await recordOne(db, droppedEvent(count, at));
}

/**
 * Queues events (already checked against the policy and their schema by the caller), in one
 * transaction, then keeps the outbox within `limit` rows (plus its drop counter).
 */
export async function recordEvents(
  db: WaymarkDatabase,
  events: readonly InsightEvent[],
  options: { at: number; limit?: number },
): Promise<void> {
  if (events.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    for (const event of events) await recordOne(db, event);
    await enforceLimit(db, options.limit ?? OUTBOX_LIMIT, options.at);
  });
}

/**
 * The oldest `size` rows, sealed, for a send. Rows `allowed` refuses (the policy changed since they
 * were queued) are deleted instead. Sealing and reading happen in one transaction, so a repeat
 * recorded at the same moment either made it into the row before or starts a new one after.
 */
export async function sealBatch(
  db: WaymarkDatabase,
  size: number,
  allowed: (event: InsightEvent) => boolean = () => true,
): Promise<OutboxEntry[]> {
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.limit(size).toArray();
    const refused = rows.filter((row) => !allowed(row.event)).map((row) => row.seq);
    await db.outbox.bulkDelete(refused);
    const batch = rows
      .filter((row) => allowed(row.event))
      .map((row): OutboxEntry => ({ seq: row.seq, event: row.event, sealed: 1 }));
    const opened = new Set(rows.filter((row) => row.sealed !== 1).map((row) => row.seq));
    await db.outbox.bulkPut(batch.filter((row) => opened.has(row.seq)));
    return batch;
  });
}

/** Deletes exactly these rows (the server confirmed them); returns how many were there. */
export async function removeEvents(db: WaymarkDatabase, seqs: readonly number[]): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const present = (await db.outbox.bulkGet([...seqs])).filter((row) => row !== undefined);
    await db.outbox.bulkDelete(present.map((row) => row.seq));
    return present.length;
  });
}

/** Deletes every queued row `allowed` refuses (the user opted out, the policy was lowered). */
export async function purgeEvents(
  db: WaymarkDatabase,
  allowed: (event: InsightEvent) => boolean,
): Promise<number> {
  return db.outbox.filter((row) => !allowed(row.event)).delete();
}

/** The oldest `limit` rows in seq order, untouched. */
export async function peekEvents(db: WaymarkDatabase, limit: number): Promise<OutboxEntry[]> {
  return db.outbox.limit(limit).toArray();
}

/** Every queued row of one event type, in seq order (the outbox is bounded, so this stays small). */
export async function eventsOfType(
  db: WaymarkDatabase,
  type: InsightEvent['type'],
): Promise<OutboxEntry[]> {
  return db.outbox.filter((row) => row.event.type === type).toArray();
}

export async function countEvents(db: WaymarkDatabase): Promise<number> {
  return db.outbox.count();
}
