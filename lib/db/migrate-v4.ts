import type { Transaction } from 'dexie';
import {
  coalesceKey,
  dayOf,
  EVENT_VERSION,
  insightEventSchema,
  type InsightEvent,
} from '@/lib/insights';

/** An outbox row as releases before v4 queued it: a free-form `type` and `data`. */
export interface V3OutboxRow {
  seq: number;
  type: string;
  at: number;
  data?: Record<string, unknown>;
  count?: number;
}

/**
 * The v3 event as a typed insight event, or undefined when it cannot be one. Broken-anchor counts
 * and votes carry over (owners were promised those counts); `view` and `lesson-completed` rows
 * lack what their events now need (where it was opened from, the lesson's score) and are dropped.
 */
export function upgradeOutboxRow(row: V3OutboxRow): InsightEvent | undefined {
  const base = { v: EVENT_VERSION, day: dayOf(row.at) };
  const data = row.data ?? {};
  let candidate: unknown;
  if (row.type === 'tip-unresolved')
    candidate = {
      type: 'tip_unresolved',
      ...base,
      tip: data.id,
      app: data.app,
      ...(typeof data.screen === 'string' ? { screen: data.screen } : {}),
      count: row.count ?? 1,
    };
  else if (row.type === 'vote')
    candidate = { type: 'feedback', ...base, item: data.id, helpful: data.helpful };
  const parsed = insightEventSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** v4: outbox rows become typed events, indexed by their coalescing key while unsent. */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('outbox')
    .toCollection()
    .modify((row: V3OutboxRow, ref: { value?: unknown }) => {
      const event = upgradeOutboxRow(row);
      if (event === undefined) {
        delete ref.value;
        return;
      }
      const key = coalesceKey(event);
      ref.value = key === undefined ? { seq: row.seq, event } : { seq: row.seq, event, key };
    });
}
