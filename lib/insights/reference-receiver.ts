import type { InsightEvent } from './events';
import { parseEventsRequest, type EventsResponse } from './wire';

/** A row the receiver stored: the idempotency key and the event. */
export interface ReceivedRow {
  install: string;
  seq: number;
  event: InsightEvent;
}

export interface ReferenceReceiver {
  /** Answers one `POST /v1/events` body as the contract says (status and JSON body). */
  receive(body: unknown): { status: number; body: EventsResponse | { error: string } };
  /** Every row inserted, in insertion order. */
  rows(): ReceivedRow[];
}

/**
 * The contract of wire.ts as the smallest thing that honours it: parse, insert each event whose
 * (install, seq) is new, report the others as duplicates, reject bad ones by index. Test
 * scaffolding for the delivery client's property tests, and the reference the server's
 * `POST /v1/events` is checked against (the same tests run over both).
 */
export function createReferenceReceiver(today: () => string): ReferenceReceiver {
  const rows = new Map<string, ReceivedRow>();
  return {
    receive(body) {
      const parsed = parseEventsRequest(body, { today: today() });
      if (!parsed.ok) return { status: 400, body: { error: parsed.error } };
      const accepted: number[] = [];
      const duplicates: number[] = [];
      for (const { seq, event } of parsed.events) {
        const key = `${parsed.install}\n${seq}`;
        if (rows.has(key)) duplicates.push(seq);
        else {
          rows.set(key, { install: parsed.install, seq, event });
          accepted.push(seq);
        }
      }
      return { status: 200, body: { accepted, duplicates, rejected: parsed.rejected } };
    },
    rows: () => [...rows.values()],
  };
}
