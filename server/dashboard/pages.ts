import type { Hono } from 'hono';
import type { BlankSchema } from 'hono/types';
import { z } from 'zod';
import { dayOf } from '@/lib/insights';
import { gapStatuses, type InsightView } from '@/lib/insights/views';
import { slugSchema } from '@/lib/content-model';
import { HttpError } from '../http';
import { tableDownload } from '../insights/csv-export';
import { draftFromGap } from '../insights/gap-draft';
import { gapKey, gapPlace, saveGapState } from '../insights/gap-state';
import { rangeParams, viewQuery, type ViewQuery } from '../insights/range';
import { views, type ViewName } from '../insights/routes';
import type { Store } from '../store';
import { htmlPage, rolesOf, type DashboardContext, type DashboardEnv } from './context';
import type { Html } from './html';
import { query, shell, VIEW_PAGES, type PageContext } from './layout';
import { contentPage, guidancePage } from './pages-content';
import { gapsPage } from './pages-gaps';
import { impactPage, learningPage, teamsPage } from './pages-people';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each renderer takes its own view type
const renderers: Record<ViewName, (view: any, ctx: PageContext) => Html> = {
  gaps: gapsPage,
  content: contentPage,
  guidance: guidancePage,
  learning: learningPage,
  teams: teamsPage,
  impact: impactPage,
};

const pageParams = rangeParams.extend({
  table: z.string().max(40).optional(),
  created: slugSchema.optional(),
  saved: z.string().max(200).optional(),
});
const placeParams = z.strictObject({
  app: z.union([z.literal('-'), slugSchema]),
  screen: z.union([z.literal('-'), slugSchema]),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(
    400,
    'bad_request',
    `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`,
  );
}

async function buildView(c: DashboardContext, store: Store, name: ViewName) {
  const params = parse(pageParams, c.req.query());
  let q: ViewQuery;
  try {
    q = viewQuery(params, dayOf(store.now().getTime()));
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, 'bad_request', error.message);
    throw error;
  }
  const { build, schema } = views[name];
  const view = (schema as z.ZodType<InsightView>).parse(
    await (build as (s: Store, q: ViewQuery) => Promise<InsightView>)(store, q),
  );
  return { params, view, q };
}

function notice(params: z.output<typeof pageParams>): string | undefined {
  if (params.created !== undefined)
    return `Draft “${params.created}” created from the gap and linked to it. Write it in the side panel’s Author view and submit it for review; once published, the gap shows as addressed.`;
  if (params.saved !== undefined) return `Saved the status of ${params.saved}.`;
  return undefined;
}

/** The six views as pages and as CSV, and the gap actions (Create content, status). */
export function registerViewPages(
  app: Hono<DashboardEnv, BlankSchema, '/insights'>,
  store: Store,
): void {
  for (const [name, label] of VIEW_PAGES) {
    app.get(`/${name}`, async (c) => {
      const { params, view } = await buildView(c, store, name);
      const search = new URL(c.req.url).searchParams;
      const ctx: PageContext = {
        user: c.get('user'),
        search,
        csrf: c.get('keys').csrf(c.get('cookie')),
        notice: notice(params),
      };
      return htmlPage(c, shell(label, renderers[name](view, ctx), ctx, name));
    });
    app.get(`/${name}.csv`, async (c) => {
      const { params, view, q } = await buildView(c, store, name);
      return tableDownload(c, store, q, view, params.table);
    });
  }

  app.post('/gaps/:app/:screen/draft', async (c) => {
    if (!rolesOf('POST /v1/insights/gaps/:app/:screen/draft').includes(c.get('user').role))
      throw new HttpError(403, 'forbidden', 'you may not create content');
    const { app: a, screen: s } = parse(placeParams, c.req.param());
    const { item } = await draftFromGap(store, gapPlace(a, s), {}, c.get('user'));
    return c.redirect(
      `/insights/gaps${query(new URL(c.req.url).searchParams, { created: item.id })}`,
      303,
    );
  });
  app.post('/gaps/:app/:screen/status', async (c) => {
    if (!rolesOf('PUT /v1/insights/gaps/:app/:screen').includes(c.get('user').role))
      throw new HttpError(403, 'forbidden', 'you may not change a gap');
    const { app: a, screen: s } = parse(placeParams, c.req.param());
    const form = await c.req.parseBody();
    const status = parse(z.enum(gapStatuses), form['status']);
    const place = gapPlace(a, s);
    await saveGapState(store, place, { status }, c.get('user').email);
    return c.redirect(
      `/insights/gaps${query(new URL(c.req.url).searchParams, { saved: gapKey(place.app, place.screen) })}`,
      303,
    );
  });
}
