import { z } from 'zod';
import { slugSchema } from '@/lib/content-model/common';
import { MAX_QUERY_CHARS, scrubQuery } from './query';

/**
 * The insight events, typed once for the extension (which records and sends them) and the server
 * (which validates, stores and rolls them up). Every event is a strict object: a field that is not
 * declared here is refused, so nothing the page held can ride along. Apps, screens, items and
 * lessons are slugs from the catalogue and the content; times are a UTC day (and hour where a chart
 * needs it); no event names a user — learning records are named by the server, from the token.
 *
 * `v` is the event's version: a change to an event's meaning or fields adds a version, and the
 * server accepts every version it still reads.
 */
export const EVENT_VERSION = 1;

const slug = slugSchema;
const day = z.iso.date();
const hour = z.number().int().min(0).max(23);
/** How many occurrences a coalesced row stands for. */
const count = z.number().int().min(1).max(1_000_000);
/** 1-based position in the list the user opened from. */
const rank = z.number().int().min(1).max(100);

const base = { v: z.literal(EVENT_VERSION), day };

/** Where an item was opened from: the page's list, search, an in-page tip, a path, an item link. */
export const openSources = ['page', 'search', 'tip', 'path', 'link'] as const;
export type OpenSource = (typeof openSources)[number];

/** How many results a search showed, in buckets: exact counts say nothing a bucket does not. */
export const resultBuckets = ['0', '1', '2-5', '6-10', '11+'] as const;
export type ResultBucket = (typeof resultBuckets)[number];

/** How a search session ended: a result opened, the panel closed, or 10 s without typing. */
export const searchEnds = ['open', 'close', 'idle'] as const;

/** Why an item helped or did not: a fixed list, so no free text ever leaves the device. */
export const helpfulReasons = ['solved-it', 'clear', 'saved-time'] as const;
export const unhelpfulReasons = [
  'outdated',
  'incorrect',
  'unclear',
  'incomplete',
  'not-relevant',
] as const;
export type FeedbackReason = (typeof helpfulReasons)[number] | (typeof unhelpfulReasons)[number];

const where = { app: slug, screen: slug.optional() };
const whereMaybe = { app: slug.optional(), screen: slug.optional() };

export const suggestionShownSchema = z.strictObject({
  type: z.literal('suggestion_shown'),
  ...base,
  ...where,
  item: slug,
  count,
});

export const suggestionOpenedSchema = z.strictObject({
  type: z.literal('suggestion_opened'),
  ...base,
  hour,
  ...whereMaybe,
  item: slug,
  source: z.enum(openSources),
  /** Position in the list it was opened from; absent for a tip or a link. */
  rank: rank.optional(),
});

export const itemReadSchema = z.strictObject({
  type: z.literal('item_read'),
  ...base,
  ...whereMaybe,
  item: slug,
  count,
});

export const searchSchema = z
  .strictObject({
    type: z.literal('search'),
    ...base,
    hour,
    ...whereMaybe,
    results: z.enum(resultBuckets),
    /** The rank of the result opened; absent when none was. */
    opened: rank.optional(),
    ended: z.enum(searchEnds),
    /**
     * Only for a failed session (no result, or nothing opened), normalised and scrubbed on the
     * device (`scrubQuery`); the server shows it to people only past the k-anonymity threshold.
     */
    query: z.string().min(1).max(MAX_QUERY_CHARS).optional(),
  })
  // Checked again wherever the event is parsed (the server too): words only for a failed
  // session, and only as the device's scrubbing leaves them.
  .refine((e) => e.query === undefined || e.opened === undefined, {
    message: 'a search that opened a result carries no words',
    path: ['query'],
  })
  .refine((e) => e.query === undefined || scrubQuery(e.query) === e.query, {
    message: 'the words are not normalised and scrubbed',
    path: ['query'],
  });

const allReasons = [...helpfulReasons, ...unhelpfulReasons] as const;
const reasonFits = (e: { helpful: boolean; reason?: FeedbackReason | undefined }) =>
  e.reason === undefined ||
  (e.helpful ? helpfulReasons : unhelpfulReasons).some((r) => r === e.reason);
const answerSchema = z
  .strictObject({ helpful: z.boolean(), reason: z.enum(allReasons).optional() })
  .refine(reasonFits, { message: 'the reason does not go with this answer', path: ['reason'] });

/**
 * "Was this helpful?", as a change to the counts: +1 for this answer (and reason), and −1 for the
 * earlier answer it `replaces`, which the server already counted. A changed mind or an added
 * reason never counts twice, and no user id is needed for that.
 */
export const feedbackSchema = z
  .strictObject({
    type: z.literal('feedback'),
    ...base,
    item: slug,
    helpful: z.boolean(),
    reason: z.enum(allReasons).optional(),
    replaces: answerSchema.optional(),
  })
  .refine(reasonFits, { message: 'the reason does not go with this answer', path: ['reason'] });

export const tipShownSchema = z.strictObject({
  type: z.literal('tip_shown'),
  ...base,
  ...where,
  tip: slug,
  count,
});

export const tipDismissedSchema = z.strictObject({
  type: z.literal('tip_dismissed'),
  ...base,
  ...where,
  tip: slug,
});

/** A tip whose anchor found no element (guidance health); owners see it per app and screen. */
export const tipUnresolvedSchema = z.strictObject({
  type: z.literal('tip_unresolved'),
  ...base,
  ...where,
  tip: slug,
  count,
});

/** A lesson step finished for the first time (step: 0-based index in the lesson's steps). */
export const lessonStepSchema = z.strictObject({
  type: z.literal('lesson_step'),
  ...base,
  lesson: slug,
  step: z.number().int().min(0).max(200),
});

export const lessonCompletedSchema = z.strictObject({
  type: z.literal('lesson_completed'),
  ...base,
  lesson: slug,
  /** Knowledge-check questions in the lesson, and how many the last answers got right. */
  questions: z.number().int().min(0).max(200),
  correct: z.number().int().min(0).max(200),
});

export const quizAnswerSchema = z.strictObject({
  type: z.literal('quiz_answer'),
  ...base,
  lesson: slug,
  question: slug,
  choices: z.array(slug).min(1).max(8),
  correct: z.boolean(),
  /** 1 for the learner's first answer to this question, then 2, 3… (restarts do not reset it). */
  attempt: z.number().int().min(1).max(1_000),
});

export const pathCompletedSchema = z.strictObject({
  type: z.literal('path_completed'),
  ...base,
  path: slug,
});

/** A page with a record (a ticket, a case…) was opened, on a screen with or without help. */
export const recordViewSchema = z.strictObject({
  type: z.literal('record_view'),
  ...base,
  ...where,
  /** Whether any published item fits that page: the coverage indicator. */
  help: z.boolean(),
  count,
});

/** 22 characters of base64url: 128 bits of an HMAC-SHA-256 (see keyed-hash.ts). */
export const recordHashSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a record hash');

/**
 * For the helpdesk join (policy `impact` with an organisation key only): a keyed hash of the
 * record, never its id, and whether guidance was opened while on it.
 */
export const recordGuidanceSchema = z.strictObject({
  type: z.literal('record_guidance'),
  ...base,
  app: slug,
  record: recordHashSchema,
  opened: z.boolean(),
});

/** Events the device had to drop, oldest first, because its outbox was full. */
export const outboxDroppedSchema = z.strictObject({
  type: z.literal('outbox_dropped'),
  ...base,
  count,
});

export const insightEventSchemas = [
  suggestionShownSchema,
  suggestionOpenedSchema,
  itemReadSchema,
  searchSchema,
  feedbackSchema,
  tipShownSchema,
  tipDismissedSchema,
  tipUnresolvedSchema,
  lessonStepSchema,
  lessonCompletedSchema,
  quizAnswerSchema,
  pathCompletedSchema,
  recordViewSchema,
  recordGuidanceSchema,
  outboxDroppedSchema,
] as const;

export const insightEventSchema = z.discriminatedUnion('type', insightEventSchemas);
export type InsightEvent = z.output<typeof insightEventSchema>;
export type InsightEventType = InsightEvent['type'];
export type EventOf<T extends InsightEventType> = Extract<InsightEvent, { type: T }>;
