import { z } from 'zod';
import type { MessageMap, MessageType } from '@/lib/messages';
import { launcherEdges, panelViews } from '@/lib/messages';
import { itemStatuses, slugSchema } from '@/lib/content-model/common';
import { helpfulReasons, openSources, searchEnds, unhelpfulReasons } from '@/lib/insights/events';
import { auditActions } from '@/lib/content-model/audit';

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

const itemType = z.enum(['article', 'tip', 'lesson', 'path', 'announcement']);
const isoTime = z.string().max(40);
const pickTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tip') }),
  z.strictObject({ kind: z.literal('lesson-step'), step: z.number().int().min(0).max(200) }),
]);
const inPageTip = z.strictObject({
  id,
  title: z.string().max(160),
  body: z.string().max(1_200),
  anchor: anchor.optional(),
  placement: z.enum(['auto', 'top', 'bottom', 'left', 'right']),
});
const draftKey = z.string().min(1).max(80);
/** Insight reports name items by slug; the background adds the rest (lib/knowledge/insights.ts). */
const panelInsight = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('shown'),
    tabId: tabId.optional(),
    items: z.array(slugSchema).max(100),
  }),
  z.strictObject({
    kind: z.literal('opened'),
    tabId: tabId.optional(),
    item: slugSchema,
    source: z.enum(openSources.filter((s) => s !== 'tip') as ['page', 'search', 'path', 'link']),
    rank: z.number().int().min(1).max(1_000).optional(),
  }),
  z.strictObject({ kind: z.literal('read'), tabId: tabId.optional(), item: slugSchema }),
  z.strictObject({
    kind: z.literal('search'),
    tabId: tabId.optional(),
    outcome: z.strictObject({
      query: z.string().max(2_000),
      results: z.number().int().min(0).max(10_000),
      opened: z.number().int().min(1).max(1_000).optional(),
      ended: z.enum(searchEnds),
    }),
  }),
]);
const appId = z.string().min(1).max(80);
/** What may go into a reply at once: an article's text, never more. */
const replyText = z.string().min(1).max(20_000);
const dock = z.strictObject({ edge: z.enum(launcherEdges), y: z.number().min(0).max(1) });
/** A draft's fields are checked against the item schema only when sent; here just bounded. */
const draftSchema = z.strictObject({
  key: draftKey,
  type: itemType,
  templateId: id.optional(),
  itemId: id.optional(),
  baseVersion: z.number().int().min(1).optional(),
  fields: z
    .record(z.string().max(40), z.unknown())
    .refine((fields) => JSON.stringify(fields).length <= 400_000, 'draft too large'),
  templateText: z.array(z.string().max(4_000)).max(200).optional(),
  pick: z
    .strictObject({
      resolves: z.boolean(),
      label: z.string().max(300),
      pickedAt: isoTime,
      target: pickTarget,
    })
    .optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
  sentAt: isoTime.optional(),
});

const schemas = {
  'bg:app-for-host': z.strictObject({ host: z.string().min(1).max(253) }),
  'bg:page-detected': z.strictObject({ detection: detectionSchema }),
  'bg:open-panel': z.strictObject({ view: z.enum(panelViews) }),
  'bg:open-panel-tab': z.strictObject({ view: z.enum(panelViews) }),
  'bg:dismiss-tip': z.strictObject({ id }),
  'bg:undismiss-tip': z.strictObject({ id }),
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
    app: z.string().min(1).max(80).optional(),
  }),
  'bg:item': z.strictObject({ id }),
  'bg:vote': z.strictObject({
    id,
    helpful: z.boolean(),
    reason: z.enum([...helpfulReasons, ...unhelpfulReasons]).optional(),
  }),
  'bg:tips-shown': z.strictObject({ ids: z.array(id).max(100) }),
  'bg:tip-opened': z.strictObject({ id }),
  'bg:insight': panelInsight,
  'bg:insights-view': z.strictObject({}),
  'bg:usage-events': z.strictObject({ enabled: z.boolean() }),
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
    z.strictObject({ id, kind: z.literal('retry') }),
    z.strictObject({ id, kind: z.literal('restart') }),
  ]),
  'bg:paths': z.strictObject({}),
  'bg:highlight': z.strictObject({ tabId, anchor, note: z.string().max(200).optional() }),
  'cs:highlight': z.strictObject({ anchor, note: z.string().max(200).optional() }),
  'panel:show': z.strictObject({
    tabId: tabId.optional(),
    view: z.enum(panelViews).optional(),
    item: slugSchema.optional(),
  }),
  'bg:account': z.strictObject({}),
  'bg:connect': z.strictObject({
    serverUrl: z.string().trim().max(2_000),
    token: z.string().trim().max(500),
    previous: z.enum(['keep', 'discard']).optional(),
  }),
  'bg:sync-now': z.strictObject({}),
  'bg:sign-out': z.strictObject({}),
  'bg:provider': z.strictObject({ serverUrl: z.string().trim().max(2_000) }),
  'bg:provider-sign-in': z.strictObject({
    serverUrl: z.string().trim().max(2_000),
    previous: z.enum(['keep', 'discard']).optional(),
  }),
  'bg:sync-interval': z.strictObject({ minutes: z.number().int().min(5).max(1440) }),
  'bg:status': z.strictObject({}),
  'bg:whats-new': z.strictObject({}),
  'bg:whats-new-seen': z.strictObject({}),
  'bg:request-content': z.strictObject({
    text: z.string().trim().min(3).max(1_000),
    query: z.string().max(300).optional(),
    tabId: tabId.optional(),
  }),
  'bg:insert-reply': z.strictObject({ tabId, text: replyText }),
  'cs:insert-reply': z.strictObject({ text: replyText }),
  'bg:page-strings': z.strictObject({}),
  'bg:launcher-prefs': z.strictObject({ app: appId }),
  'bg:launcher-save': z.strictObject({
    app: appId,
    change: z.strictObject({
      dock: dock.optional(),
      minimised: z.boolean().optional(),
      snoozeMinutes: z
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60)
        .optional(),
      hideOnSite: z.boolean().optional(),
    }),
  }),
  'bg:launcher-show': z.strictObject({ tabId }),
  'cs:launcher-show': z.strictObject({}),
  'cs:focus-next': z.strictObject({}),
  'bg:pick-start': z.strictObject({ tabId, draftKey, target: pickTarget }),
  'bg:pick-cancel': z.strictObject({ tabId }),
  'cs:pick-start': z.strictObject({ draftKey, target: pickTarget }),
  'cs:pick-cancel': z.strictObject({}),
  'bg:picked': z.discriminatedUnion('outcome', [
    z.strictObject({
      draftKey,
      target: pickTarget,
      outcome: z.literal('picked'),
      anchor,
      resolves: z.boolean(),
      label: z.string().max(300),
      detection: detectionSchema.nullable(),
    }),
    z.strictObject({ draftKey, target: pickTarget, outcome: z.literal('cancelled') }),
  ]),
  'panel:draft-changed': z.strictObject({ draftKey }),
  'bg:preview-tip': z.strictObject({ tabId, tip: inPageTip }),
  'cs:preview-tip': z.strictObject({ tip: inPageTip.nullable() }),
  'bg:author-templates': z.strictObject({}),
  'bg:author-items': z.strictObject({
    status: z.enum(itemStatuses).optional(),
    mine: z.boolean().optional(),
  }),
  'bg:author-item': z.strictObject({ id }),
  'bg:author-step': z.strictObject({
    id,
    action: z.enum(['submit', 'approve', 'request-changes', 'archive', 'verify', 'rollback']),
    version: z.number().int().min(1),
    comment: z.string().max(2_000).optional(),
    restore: z.number().int().min(1).optional(),
  }),
  'bg:author-queue': z.strictObject({}),
  'bg:author-insights-screen': z.strictObject({ tabId }),
  'bg:author-insights-item': z.strictObject({ id }),
  'bg:author-audit': z.strictObject({
    item: z.string().trim().min(1).max(200).optional(),
    actor: z.string().trim().min(1).max(320).optional(),
    action: z.enum(auditActions).optional(),
    since: z.iso.date().optional(),
    before: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/)
      .optional(),
  }),
  'bg:targeting-options': z.strictObject({}),
  'bg:draft-list': z.strictObject({}),
  'bg:draft-new': z.strictObject({
    templateId: id.optional(),
    itemId: id.optional(),
    tabId: tabId.optional(),
  }),
  'bg:draft-get': z.strictObject({ key: draftKey }),
  'bg:draft-put': z.strictObject({ draft: draftSchema }),
  'bg:draft-delete': z.strictObject({ key: draftKey }),
  'bg:draft-send': z.strictObject({ key: draftKey, submit: z.boolean() }),
  'bg:open-shared': z.strictObject({ id: slugSchema }),
  'bg:announcements': z.strictObject({}),
  'bg:announcement-done': z.strictObject({ id: slugSchema, acknowledged: z.boolean() }),
  'bg:author-acknowledgements': z.strictObject({ id: slugSchema }),
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
  'bg:open-panel-tab': ['content-script'],
  'bg:dismiss-tip': ['content-script', 'extension-page'],
  'bg:undismiss-tip': ['content-script', 'extension-page'],
  'bg:tip-unresolved': ['content-script'],
  'bg:page-items': ['extension-page'],
  'bg:search': ['extension-page'],
  'bg:item': ['extension-page'],
  // Articles in the panel, tips on the page's card ("Helpful?").
  'bg:vote': ['extension-page', 'content-script'],
  'bg:tips-shown': ['content-script'],
  'bg:tip-opened': ['content-script'],
  'bg:insight': ['extension-page'],
  'bg:insights-view': ['extension-page'],
  'bg:usage-events': ['extension-page'],
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
  'bg:provider': ['extension-page'],
  'bg:provider-sign-in': ['extension-page'],
  'bg:sync-interval': ['extension-page'],
  'bg:status': ['extension-page'],
  'bg:whats-new': ['extension-page'],
  'bg:whats-new-seen': ['extension-page'],
  'bg:request-content': ['extension-page'],
  'bg:insert-reply': ['extension-page'],
  'cs:insert-reply': ['background'],
  // The host is taken from the sender (the browser sets it), never from the payload.
  'bg:page-strings': ['content-script'],
  'bg:launcher-prefs': ['content-script'],
  'bg:launcher-save': ['content-script'],
  'bg:launcher-show': ['extension-page'],
  'cs:launcher-show': ['background'],
  'cs:focus-next': ['background'],
  'bg:pick-start': ['extension-page'],
  'bg:pick-cancel': ['extension-page'],
  'cs:pick-start': ['background'],
  'cs:pick-cancel': ['background'],
  // Only the content script of a tab the picker was started in (the handler checks the tab).
  'bg:picked': ['content-script'],
  'panel:draft-changed': ['background'],
  'bg:preview-tip': ['extension-page'],
  'cs:preview-tip': ['background'],
  'bg:author-templates': ['extension-page'],
  'bg:author-items': ['extension-page'],
  'bg:author-item': ['extension-page'],
  'bg:author-step': ['extension-page'],
  'bg:author-queue': ['extension-page'],
  'bg:author-audit': ['extension-page'],
  'bg:targeting-options': ['extension-page'],

  'bg:author-insights-screen': ['extension-page'],
  'bg:author-insights-item': ['extension-page'],
  'bg:draft-list': ['extension-page'],
  'bg:draft-new': ['extension-page'],
  'bg:draft-get': ['extension-page'],
  'bg:draft-put': ['extension-page'],
  'bg:draft-delete': ['extension-page'],
  'bg:draft-send': ['extension-page'],
  // The share script runs only on the connected server's /i/ pages; the handler checks the
  // sender's URL names the same item on that server.
  'bg:open-shared': ['content-script'],
  'bg:announcements': ['extension-page'],
  'bg:announcement-done': ['content-script', 'extension-page'],
  'bg:author-acknowledgements': ['extension-page'],
};

export const envelopeSchema = z.strictObject({
  waymark: z.literal(1),
  type: z.enum(Object.keys(payloadSchemas) as [MessageType, ...MessageType[]]),
  payload: z.unknown(),
});
