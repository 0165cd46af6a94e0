import { z } from 'zod';
import type { MessageMap, MessageType } from '@/lib/messages';
import { panelViews } from '@/lib/messages';

type PayloadSchemas = { [K in MessageType]: z.ZodType<MessageMap[K]['payload']> };

const id = z.string().min(1).max(80);
const tabId = z.number().int().nonnegative();
/** Anchors are opaque here; `lib/anchors` validates them where they are resolved. */
const anchor = z
  .unknown()
  .refine((value) => JSON.stringify(value ?? null).length <= 20_000, 'anchor too large');

export const detectionSchema = z.strictObject({
  app: z.string().max(80).nullable(),
  screen: z.string().max(80).nullable(),
  record: z.strictObject({ type: z.string().max(80), id: z.string().max(200) }).nullable(),
  context: z
    .record(z.string().max(40), z.string().max(300))
    .refine((context) => Object.keys(context).length <= 10, 'at most 10 context values'),
});

const schemas = {
  'bg:app-for-host': z.strictObject({ host: z.string().min(1).max(253) }),
  'bg:page-detected': z.strictObject({ detection: detectionSchema }),
  'bg:open-panel': z.strictObject({ view: z.enum(panelViews) }),
  'bg:dismiss-tip': z.strictObject({ id }),
  'bg:tip-unresolved': z.strictObject({
    id,
    app: z.string().max(80),
    screen: z.string().max(80).nullable(),
  }),
  'bg:page-items': z.strictObject({ tabId }),
  'bg:search': z.strictObject({
    query: z.string().max(2_000),
    limit: z.number().int().min(1).max(50).optional(),
    tabId: tabId.optional(),
  }),
  'bg:item': z.strictObject({ id }),
  'bg:vote': z.strictObject({ id, helpful: z.boolean() }),
  'bg:lesson-progress': z.strictObject({ id }),
  'bg:lesson-update': z.discriminatedUnion('kind', [
    z.strictObject({
      id,
      kind: z.literal('step'),
      step: z.number().int().min(0).max(200),
      completedStep: z.number().int().min(0).max(200).optional(),
    }),
    z.strictObject({ id, kind: z.literal('answer'), questionId: id, choices: z.array(id).max(8) }),
    z.strictObject({ id, kind: z.literal('complete') }),
    z.strictObject({ id, kind: z.literal('restart') }),
  ]),
  'bg:paths': z.strictObject({}),
  'bg:highlight': z.strictObject({ tabId, anchor }),
  'cs:highlight': z.strictObject({ anchor }),
  'panel:show': z.strictObject({ tabId: tabId.optional(), view: z.enum(panelViews).optional() }),
  'bg:account': z.strictObject({}),
  'bg:connect': z.strictObject({
    serverUrl: z.string().trim().max(2_000),
    token: z.string().trim().max(500),
  }),
  'bg:sync-now': z.strictObject({}),
  'bg:sign-out': z.strictObject({}),
  'bg:sync-interval': z.strictObject({ minutes: z.number().int().min(5).max(1440) }),
  'bg:status': z.strictObject({}),
} as const;

/**
 * Each schema's output must be exactly its message's payload type, not merely assignable to it (a
 * schema with a renamed optional field would otherwise still compile): `schemasMatch` fails to
 * type-check when a schema and `MessageMap` drift apart; hover `Drift` to see which message.
 */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Drift = {
  [K in MessageType]: Equals<z.output<(typeof schemas)[K]>, MessageMap[K]['payload']>;
};
export const schemasMatch: Drift[MessageType] extends true ? true : false = true;

/** Payload schemas for every message in `MessageMap`; receivers parse with these, never trust. */
export const payloadSchemas: PayloadSchemas = schemas;

/**
 * Who may send each message: a content script (its sender has a tab) or an extension page (its
 * sender URL is inside the extension). The router refuses anything else, so a page-facing context
 * can never ask for another tab's highlight or read the learner's progress.
 */
export type SenderKind = 'content-script' | 'extension-page' | 'background';
export const allowedSenders: { [K in MessageType]: readonly SenderKind[] } = {
  'bg:app-for-host': ['content-script'],
  'bg:page-detected': ['content-script'],
  'bg:open-panel': ['content-script', 'extension-page'],
  'bg:dismiss-tip': ['content-script', 'extension-page'],
  'bg:tip-unresolved': ['content-script'],
  'bg:page-items': ['extension-page'],
  'bg:search': ['extension-page'],
  'bg:item': ['extension-page'],
  'bg:vote': ['extension-page'],
  'bg:lesson-progress': ['extension-page'],
  'bg:lesson-update': ['extension-page'],
  'bg:paths': ['extension-page'],
  'bg:highlight': ['extension-page'],
  'cs:highlight': ['background'],
  'panel:show': ['background'],
  'bg:account': ['extension-page'],
  'bg:connect': ['extension-page'],
  'bg:sync-now': ['extension-page'],
  'bg:sign-out': ['extension-page'],
  'bg:sync-interval': ['extension-page'],
  'bg:status': ['extension-page'],
};

export const envelopeSchema = z.strictObject({
  waymark: z.literal(1),
  type: z.enum(Object.keys(payloadSchemas) as [MessageType, ...MessageType[]]),
  payload: z.unknown(),
});
