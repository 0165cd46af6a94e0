import { z } from 'zod';
import { EVENT_VERSION, insightEventSchema, type InsightEvent } from './events';
import { RAW_EVENT_DAYS } from './retention';
import { daysBetween } from './time';

/**
 * The wire contract of `POST /v1/events`, for the extension's delivery client and the server.
 *
 * Request (JSON, bearer token, ≤ MAX_REQUEST_BYTES):
 *   { "install": "<uuid>", "events": [ { "seq": 17, "type": "search", "v": 1, "day": "…", … }, … ] }
 * `install` is a random id made once per extension install; `seq` grows with every event the
 * install queues and is never reused. (install, seq) is the idempotency key: the server inserts
 * an event only if it has not seen that pair, and updates its rollups only for inserted rows.
 *
 * Response 200 — every event of the request is in exactly one list:
 *   { "accepted": [17, 18], "duplicates": [16], "rejected": [{ "index": 3, "seq": 19,
 *     "reason": "invalid", "detail": "query: the words are not normalised and scrubbed" }] }
 * The device deletes exactly the sequences listed (rejected ones cannot succeed later); anything
 * else stays queued and is sent again with the same seq.
 *
 * Other answers: 400 when the request itself is malformed (unknown fields, bad install id, more
 * than MAX_BATCH_EVENTS events); 401/403; 413 over the size limit; 429 with Retry-After.
 */
export const EVENTS_PATH = '/v1/events';
export const MAX_BATCH_EVENTS = 500;
export const MAX_REQUEST_BYTES = 1_000_000;

export const installIdSchema = z.uuid();
export const seqSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The request as a whole; each event is then parsed on its own (parseEventsRequest). */
export const eventsRequestSchema = z.strictObject({
  install: installIdSchema,
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
});

/** One event on the wire: the event's own fields plus its seq. */
export type WireEvent = InsightEvent & { seq: number };
export interface EventsRequest {
  install: string;
  events: WireEvent[];
}

export const rejectionReasons = [
  /** Fails the event's schema (unknown type or field, bad value, unscrubbed words). */
  'invalid',
  /** An event version this server does not read. */
  'unsupported_version',
  /** The organisation's analytics level on the server does not take this event. */
  'not_allowed',
  /** Its day is outside what the server keeps (older than the raw retention, or in the future). */
  'out_of_range',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

const rejectionSchema = z.object({
  index: z.number().int().min(0),
  seq: seqSchema.optional(),
  reason: z.enum(rejectionReasons),
  detail: z.string().max(300).optional(),
});
export type Rejection = z.output<typeof rejectionSchema>;

/** The 200 answer. Parsed leniently by the device (a newer server may add fields). */
export const eventsResponseSchema = z.object({
  accepted: z.array(seqSchema).max(MAX_BATCH_EVENTS),
  duplicates: z.array(seqSchema).max(MAX_BATCH_EVENTS),
  rejected: z.array(rejectionSchema).max(MAX_BATCH_EVENTS),
});
export type EventsResponse = z.output<typeof eventsResponseSchema>;

export interface ParsedEvent {
  index: number;
  seq: number;
  event: InsightEvent;
}

export type ParsedRequest =
  | { ok: true; install: string; events: ParsedEvent[]; rejected: Rejection[] }
  | { ok: false; error: string };

const issueText = (error: z.ZodError) => {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`.slice(0, 300);
};

/** One element of `events`: its seq and event, or why it is rejected. */
function parseElement(element: unknown, index: number, today: string): ParsedEvent | Rejection {
  const fields = typeof element === 'object' && element !== null ? { ...element } : {};
  const seq = seqSchema.safeParse((fields as { seq?: unknown }).seq);
  const withSeq = seq.success ? { seq: seq.data } : {};
  if (!seq.success) return { index, reason: 'invalid', detail: `seq: ${issueText(seq.error)}` };
  delete (fields as { seq?: unknown }).seq;
  if ((fields as { v?: unknown }).v !== EVENT_VERSION)
    return { index, ...withSeq, reason: 'unsupported_version' };
  const event = insightEventSchema.safeParse(fields);
  if (!event.success)
    return { index, ...withSeq, reason: 'invalid', detail: issueText(event.error) };
  const age = daysBetween(event.data.day, today);
  if (age > RAW_EVENT_DAYS || age < -1) return { index, ...withSeq, reason: 'out_of_range' };
  return { index, seq: seq.data, event: event.data };
}

/**
 * The server's reading of a request body: the request-level error (→ 400), or each event parsed
 * on its own so bad ones are rejected by index while the good ones land. `today` is the server
 * clock's day (events more than a day ahead, or past the raw retention, are out of range).
 */
export function parseEventsRequest(body: unknown, options: { today: string }): ParsedRequest {
  const request = eventsRequestSchema.safeParse(body);
  if (!request.success) return { ok: false, error: issueText(request.error) };
  const events: ParsedEvent[] = [];
  const rejected: Rejection[] = [];
  request.data.events.forEach((element, index) => {
    const parsed = parseElement(element, index, options.today);
    if ('event' in parsed) events.push(parsed);
    else rejected.push(parsed);
  });
  return { ok: true, install: request.data.install, events, rejected };
}
