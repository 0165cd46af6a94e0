import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { dayOf } from '@/lib/insights';
import {
  contentViewSchema,
  gapDraftBodySchema,
  gapStateBodySchema,
  gapStateSchema,
  gapsViewSchema,
  guidanceViewSchema,
  helpdeskImportSchema,
  impactViewSchema,
  insightSettingsSchema,
  itemViewSchema,
  learningViewSchema,
  screenViewSchema,
  settingsChangeSchema,
  teamsViewSchema,
  type InsightView,
} from '@/lib/insights/views';
import { slugSchema } from '@/lib/content-model';
import { bodyLimit } from 'hono/body-limit';
import { HttpError, jsonError, parseOr400, readJson, type ServerEnv } from '../http';
import { readHelpdeskExport } from './helpdesk-import';
import type { GapState, Store } from '../store';
import { tableDownload } from './csv-export';
import { draftFromGap } from './gap-draft';
import { gapKey, gapPlace, saveGapState } from './gap-state';
import { fillHoldoutTeams } from './holdout';
import { rangeParams, viewQuery, type ViewQuery } from './range';
import { contentView } from './views/content';
import { gapsView } from './views/gaps';
import { guidanceView } from './views/guidance';
import { impactView } from './views/impact';
import { learningView } from './views/learning';
import { itemView, screenView } from './views/panel';
import { teamsView } from './views/teams';

const viewParams = rangeParams.extend({
  format: z.enum(['json', 'csv']).default('json'),
  /** Which of the view's tables the CSV holds (default: its main one). */
  table: z.string().max(40).optional(),
});

/** Every view the dashboard and the CLI read, by its path segment: builder and schema. */
export const views = {
  gaps: { build: gapsView, schema: gapsViewSchema },
  content: { build: contentView, schema: contentViewSchema },
  guidance: { build: guidanceView, schema: guidanceViewSchema },
  learning: { build: learningView, schema: learningViewSchema },
  teams: { build: teamsView, schema: teamsViewSchema },
  impact: { build: impactView, schema: impactViewSchema },
} as const;
export type ViewName = keyof typeof views;

function queryOf(c: Context<ServerEnv>, store: Store) {
  const params = parseOr400(viewParams, c.req.query());
  try {
    return { params, query: viewQuery(params, dayOf(store.now().getTime())) };
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, 'bad_request', error.message);
    throw error;
  }
}

/** JSON checked against its schema (the contract), or the CSV of one of its tables. */
async function answer(
  c: Context<ServerEnv>,
  store: Store,
  query: ViewQuery,
  view: InsightView,
  params: { format: 'json' | 'csv'; table?: string | undefined },
) {
  if (params.format === 'json') return c.json(view);
  return tableDownload(c, store, query, view, params.table);
}

const gapStateView = (s: GapState) =>
  gapStateSchema.parse({
    key: gapKey(s.app, s.screen),
    app: s.app || undefined,
    screen: s.screen || undefined,
    status: s.status,
    item: s.item,
    updated_at: s.updated_at,
    updated_by: s.updated_by,
  });

const placeParams = z.strictObject({
  app: z.union([z.literal('-'), slugSchema]),
  screen: z.union([z.literal('-'), slugSchema]),
});

/** Where an admin uploads a helpdesk export (larger than other bodies: up to HELPDESK_MAX_BYTES). */
export const HELPDESK_PATH = '/v1/insights/helpdesk';
export const HELPDESK_MAX_BYTES = 64 * 1024 * 1024;

const helpdeskParams = z.strictObject({
  app: slugSchema.default('zendesk'),
  record_type: slugSchema.default('ticket'),
});

/** `/v1/insights/…` for authors and admins (server/policy.ts): the views, gaps and settings. */
export function registerInsightRoutes(
  app: Hono<ServerEnv>,
  store: Store,
  options: { impactKey?: string | undefined } = {},
): void {
  for (const [name, { build, schema }] of Object.entries(views) as [
    ViewName,
    (typeof views)[ViewName],
  ][])
    app.get(`/v1/insights/${name}`, async (c) => {
      const { params, query } = queryOf(c, store);
      const view = (schema as z.ZodType<InsightView>).parse(
        await (build as (s: Store, q: ViewQuery) => Promise<InsightView>)(store, query),
      );
      return answer(c, store, query, view, params);
    });

  app.get('/v1/insights/screens/:app/:screen', async (c) => {
    const { params, query } = queryOf(c, store);
    const { app: a, screen: s } = parseOr400(placeParams, c.req.param());
    const place = gapPlace(a, s);
    if (place.app === '') throw new HttpError(400, 'bad_request', 'app: name an app');
    return answer(
      c,
      store,
      query,
      screenViewSchema.parse(await screenView(store, query, place)),
      params,
    );
  });

  app.get('/v1/insights/items/:id', async (c) => {
    const { params, query } = queryOf(c, store);
    const view = await itemView(store, query, c.req.param('id'));
    if (view === undefined) throw new HttpError(404, 'not_found', `no item "${c.req.param('id')}"`);
    return answer(c, store, query, itemViewSchema.parse(view), params);
  });

  app.put('/v1/insights/gaps/:app/:screen', async (c) => {
    const { app: a, screen: s } = parseOr400(placeParams, c.req.param());
    const body = parseOr400(gapStateBodySchema, await readJson(c));
    if (body.item != null && (await store.itemHead(body.item)) === undefined)
      throw new HttpError(400, 'bad_request', `item: no item "${body.item}"`);
    const state = await saveGapState(store, gapPlace(a, s), body, c.get('user').email);
    return c.json(gapStateView(state));
  });

  app.post('/v1/insights/gaps/:app/:screen/draft', async (c) => {
    const { app: a, screen: s } = parseOr400(placeParams, c.req.param());
    const body = parseOr400(gapDraftBodySchema, await readJson(c));
    const { gap, item } = await draftFromGap(store, gapPlace(a, s), body, c.get('user'));
    c.header('Location', `/v1/items/${item.id}`);
    return c.json({ gap, item }, 201);
  });

  app.post(
    HELPDESK_PATH,
    bodyLimit({
      maxSize: HELPDESK_MAX_BYTES,
      onError: (c) =>
        jsonError(c, 413, 'payload_too_large', `the export is over ${HELPDESK_MAX_BYTES} bytes`),
    }),
    async (c) => {
      const params = parseOr400(helpdeskParams, c.req.query());
      if (options.impactKey === undefined)
        throw new HttpError(
          400,
          'bad_request',
          "this server has no organisation key: start it with WAYMARK_IMPACT_KEY set to the policy's impactRecordKey",
        );
      let parsed;
      try {
        parsed = await readHelpdeskExport(await c.req.text(), {
          key: options.impactKey,
          app: params.app,
          recordType: params.record_type,
        });
      } catch (error) {
        throw new HttpError(400, 'bad_request', `export: ${(error as Error).message}`);
      }
      const summary = await store.importHelpdesk(parsed.tickets, {
        actor: c.get('user').email,
        skipped: parsed.skipped,
        problems: parsed.problems,
      });
      return c.json(helpdeskImportSchema.parse(summary), 201);
    },
  );

  app.get('/v1/insights/settings', async (c) =>
    c.json(insightSettingsSchema.parse(await store.insightSettings())),
  );

  app.put('/v1/insights/settings', async (c) => {
    const change = parseOr400(settingsChangeSchema, await readJson(c));
    const filled =
      change.holdout == null
        ? change
        : { ...change, holdout: await fillHoldoutTeams(store, change.holdout) };
    return c.json(await store.putInsightSettings(filled, c.get('user').email));
  });
}
