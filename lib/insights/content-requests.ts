import { z } from 'zod';
import { slugSchema } from '@/lib/content-model/common';
import { MAX_QUERY_CHARS, scrubQuery, scrubWords } from './query';
import { RAW_EVENT_DAYS } from './retention';
import { addDays } from './time';

/**
 * The wire contract of `POST /v1/content-requests`: a learner's "Request content or ask an
 * expert", sent from the device's queue (setting `pendingContentRequests`) to the authors.
 *
 * Request (JSON, bearer token, any signed-in role):
 *   { "requests": [ { "id": "<uuid>", "day": "2026-06-10", "app": "zendesk", "screen": "ticket",
 *     "query": "merge tickets", "text": "how do i merge two tickets from one customer" } ] }
 * `id` is made on the device when the request is queued and is the idempotency key: the server
 * stores a request only once, however often it is sent. Like events, a request carries no user id,
 * nothing of the page, and words only as the device scrubbed them (`scrubRequestText`,
 * `scrubQuery`): the server refuses words that scrubbing would change.
 *
 * Response 200 — every request is in exactly one list; the device forgets exactly those ids:
 *   { "accepted": ["…"], "duplicates": ["…"], "rejected": [{ "index": 2, "id": "…",
 *     "detail": "text: …" }] }
 * 400 when the body itself is malformed (unknown fields, more than MAX_CONTENT_REQUESTS).
 */
export const CONTENT_REQUESTS_PATH = '/v1/content-requests';
/** As many as the device keeps (PENDING_REQUESTS_MAX in lib/knowledge/whats-new.ts). */
export const MAX_CONTENT_REQUESTS = 50;
export const MAX_REQUEST_WORDS = 60;
export const MAX_REQUEST_CHARS = 400;
/** Shorter than this after scrubbing, a request says nothing an author could act on. */
export const MIN_REQUEST_CHARS = 3;

/**
 * The learner's words as they may leave the device: scrubbed like a failed search's (no e-mail
 * addresses, URLs, phone numbers or ids; digit runs as `#`; lower case), at most 60 words and 400
 * characters. Undefined when too little is left. Idempotent.
 */
export function scrubRequestText(raw: string): string | undefined {
  let out = '';
  for (const word of scrubWords(raw).slice(0, MAX_REQUEST_WORDS)) {
    const next = out === '' ? word.slice(0, MAX_REQUEST_CHARS) : `${out} ${word}`;
    if (next.length > MAX_REQUEST_CHARS) break;
    out = next;
  }
  return out.length < MIN_REQUEST_CHARS ? undefined : out;
}

export const contentRequestSchema = z.strictObject({
  id: z.uuid(),
  day: z.iso.date(),
  app: slugSchema.optional(),
  screen: slugSchema.optional(),
  query: z
    .string()
    .min(1)
    .max(MAX_QUERY_CHARS)
    .refine((q) => scrubQuery(q) === q, 'the words are not normalised and scrubbed')
    .optional(),
  text: z
    .string()
    .min(MIN_REQUEST_CHARS)
    .max(MAX_REQUEST_CHARS)
    .refine((t) => scrubRequestText(t) === t, 'the words are not normalised and scrubbed'),
});
export type ContentRequest = z.output<typeof contentRequestSchema>;

export const contentRequestsBodySchema = z.strictObject({
  requests: z.array(z.unknown()).min(1).max(MAX_CONTENT_REQUESTS),
});

export const contentRequestsResponseSchema = z.object({
  accepted: z.array(z.string()).max(MAX_CONTENT_REQUESTS),
  duplicates: z.array(z.string()).max(MAX_CONTENT_REQUESTS),
  rejected: z
    .array(
      z.object({
        index: z.number().int().min(0),
        id: z.string().optional(),
        detail: z.string().max(300),
      }),
    )
    .max(MAX_CONTENT_REQUESTS),
});
export type ContentRequestsResponse = z.output<typeof contentRequestsResponseSchema>;

const issueText = (error: z.ZodError) => {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`.slice(0, 300);
};

export type ParsedContentRequests =
  | {
      ok: true;
      requests: ContentRequest[];
      rejected: ContentRequestsResponse['rejected'];
    }
  | { ok: false; error: string };

/**
 * The server's reading of a body: the body-level error (→ 400), or each request parsed on its own
 * so one bad request is rejected by index while the good ones are stored. A day more than one day
 * ahead of `today` (the server's clock), or older than raw events are kept, is refused.
 */
export function parseContentRequests(body: unknown, today: string): ParsedContentRequests {
  const parsed = contentRequestsBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: issueText(parsed.error) };
  const requests: ContentRequest[] = [];
  const rejected: ContentRequestsResponse['rejected'] = [];
  parsed.data.requests.forEach((element, index) => {
    const request = contentRequestSchema.safeParse(element);
    const id = (element as { id?: unknown } | null)?.id;
    const named = typeof id === 'string' && id.length <= 64 ? { id } : {};
    if (!request.success) rejected.push({ index, ...named, detail: issueText(request.error) });
    else if (request.data.day > addDays(today, 1))
      rejected.push({ index, ...named, detail: `day: ${request.data.day} is in the future` });
    else if (request.data.day < addDays(today, -RAW_EVENT_DAYS))
      rejected.push({
        index,
        ...named,
        detail: `day: ${request.data.day} is older than the ${RAW_EVENT_DAYS} days requests are kept`,
      });
    else requests.push(request.data);
  });
  return { ok: true, requests, rejected };
}
