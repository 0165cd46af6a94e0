import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, Template } from '@/lib/content-model';
import type { Store } from './store';
import { createApp } from './app';
import { signInThrough, startTestProvider, type TestProvider } from './identity/test-provider';
import { sampleEvents } from '@/lib/insights/test-events';
import {
  announcement,
  article,
  tempStore,
  template,
  tokenFor,
  type TempStore,
} from './test-fixtures';
import { INSTALL } from './insights/test-support';

/**
 * The role × route oracle, written out from what README ("The content server's API", "Publishing
 * in context", "Insights"), docs/privacy.md and docs/sign-in.md promise each role may do —
 * deliberately NOT read from `server/policy.ts`, so a wrong entry in the enforced table shows up
 * here as a disagreement. SCIM routes take their own token, not a role: scim-access.test.ts.
 *
 * `yes`: the request succeeds (2xx). `no`: refused — 401 without a token, 403 with one.
 * Every request is a valid one that succeeds for an allowed role, on an item owned by another
 * author (`owner@example.com`), so a handler's own check (verify: the owner or an admin) counts.
 */
type Who = 'anonymous' | Role;
const WHO: readonly Who[] = ['anonymous', 'learner', 'author', 'reviewer', 'admin'];
type Row = readonly ['yes' | 'no', 'yes' | 'no', 'yes' | 'no', 'yes' | 'no', 'yes' | 'no'];

// prettier-ignore
const EXPECTED: Readonly<Record<string, Row>> = {
  //                                      anonymous learner author reviewer admin
  'GET /healthz':                         ['yes', 'yes', 'yes', 'yes', 'yes'],
  'GET /readyz':                          ['yes', 'yes', 'yes', 'yes', 'yes'],
  'GET /v1/openapi.json':                 ['yes', 'yes', 'yes', 'yes', 'yes'],
  'GET /v1/me':                           ['no',  'yes', 'yes', 'yes', 'yes'],
  // Every signed-in person's extension reads the organisation's default content language.
  'GET /v1/content-settings':             ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/feed':                         ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/items/:id':                    ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/items':                        ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/items/:id/versions':           ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/items/:id/history':            ['no',  'no',  'yes', 'yes', 'yes'],
  'POST /v1/items':                       ['no',  'no',  'yes', 'yes', 'yes'],
  'PUT /v1/items/:id':                    ['no',  'no',  'yes', 'yes', 'yes'],
  'POST /v1/items/:id/submit':            ['no',  'no',  'yes', 'yes', 'yes'],
  'POST /v1/items/:id/approve':           ['no',  'no',  'no',  'yes', 'yes'],
  'POST /v1/items/:id/request-changes':   ['no',  'no',  'no',  'yes', 'yes'],
  'POST /v1/items/:id/archive':           ['no',  'no',  'no',  'yes', 'yes'],
  'POST /v1/items/:id/rollback':          ['no',  'no',  'no',  'yes', 'yes'],
  // Owners re-verify their items; someone else's only an admin.
  'POST /v1/items/:id/verify':            ['no',  'no',  'no',  'no',  'yes'],
  // README "Announcements": everyone it is for acknowledges; authors see how many did.
  'POST /v1/items/:id/acknowledge':       ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/items/:id/acknowledgements':   ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/verification':                 ['no',  'no',  'yes', 'yes', 'yes'],
  'POST /v1/anchor-reports':              ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/audit':                        ['no',  'no',  'no',  'no',  'yes'],
  'GET /v1/templates':                    ['no',  'no',  'yes', 'yes', 'yes'],
  'PUT /v1/templates/:id':                ['no',  'no',  'no',  'no',  'yes'],
  // docs/sign-in.md, README API: the extension reads it before it has a token.
  'GET /v1/auth/config':                  ['yes', 'yes', 'yes', 'yes', 'yes'],
  // README "Insights" → API: any signed-in extension or user; "the user's own" records.
  'POST /v1/events':                      ['no',  'yes', 'yes', 'yes', 'yes'],
  'POST /v1/content-requests':            ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/me/learning':                  ['no',  'yes', 'yes', 'yes', 'yes'],
  'GET /v1/me/holdout':                   ['no',  'yes', 'yes', 'yes', 'yes'],
  // "authors, reviewers and admins; learners get 403" (README, docs/privacy.md: Authors see gaps).
  'GET /v1/insights/gaps':                ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/content':             ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/guidance':            ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/learning':            ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/teams':               ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/impact':              ['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/screens/:app/:screen':['no',  'no',  'yes', 'yes', 'yes'],
  'GET /v1/insights/items/:id':           ['no',  'no',  'yes', 'yes', 'yes'],
  'PUT /v1/insights/gaps/:app/:screen':   ['no',  'no',  'yes', 'yes', 'yes'],
  'POST /v1/insights/gaps/:app/:screen/draft': ['no', 'no', 'yes', 'yes', 'yes'],
  // "GET|PUT /v1/insights/settings … and POST /v1/insights/helpdesk … — admins" (README);
  // docs/privacy.md: "An admin may lower this to 3", "An admin uploads the helpdesk's … export".
  'GET /v1/insights/settings':            ['no',  'no',  'no',  'no',  'yes'],
  'PUT /v1/insights/settings':            ['no',  'no',  'no',  'no',  'yes'],
  'POST /v1/insights/helpdesk':           ['no',  'no',  'no',  'no',  'yes'],
};

interface Call {
  path: string;
  body?: unknown;
  /** A body sent as `text/csv` instead of JSON (a helpdesk export). */
  csv?: string;
}
/** Puts what the route needs in the store under `id` and says what to send. */
type Scenario = (store: Store, id: string) => Promise<Call> | Call;

const OWNER = 'owner@example.com';
const draftBody = (id: string) => ({
  type: 'article',
  template: 'how-to',
  id,
  title: `Article ${id}`,
  body: `How to ${id}.`,
  targeting: { apps: [], screens: [], roles: [], teams: [] },
});
const seed = (status: string) => async (store: Store, id: string) => {
  await store.upsertItem({ ...article(id, { status }), owner: OWNER }, 'ops@example.com');
};
const on =
  (status: string, path: (id: string) => string, body?: unknown): Scenario =>
  async (store, id) => {
    await seed(status)(store, id);
    return { path: path(id), ...(body === undefined ? {} : { body }) };
  };

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'GET /healthz': () => ({ path: '/healthz' }),
  'GET /readyz': () => ({ path: '/readyz' }),
  'GET /v1/openapi.json': () => ({ path: '/v1/openapi.json' }),
  'GET /v1/me': () => ({ path: '/v1/me' }),
  'GET /v1/content-settings': () => ({ path: '/v1/content-settings' }),
  'GET /v1/feed': () => ({ path: '/v1/feed' }),
  'GET /v1/items/:id': on('published', (id) => `/v1/items/${id}`),
  'GET /v1/items': () => ({ path: '/v1/items' }),
  'GET /v1/items/:id/versions': on('published', (id) => `/v1/items/${id}/versions`),
  'GET /v1/items/:id/history': on('published', (id) => `/v1/items/${id}/history`),
  'POST /v1/items': (_store, id) => ({ path: '/v1/items', body: draftBody(id) }),
  'PUT /v1/items/:id': on('draft', (id) => `/v1/items/${id}`),
  'POST /v1/items/:id/submit': on('draft', (id) => `/v1/items/${id}/submit`),
  'POST /v1/items/:id/approve': on('in_review', (id) => `/v1/items/${id}/approve`),
  'POST /v1/items/:id/request-changes': on('in_review', (id) => `/v1/items/${id}/request-changes`, {
    comment: 'Name the refund form.',
  }),
  'POST /v1/items/:id/archive': on('published', (id) => `/v1/items/${id}/archive`),
  'POST /v1/items/:id/rollback': on('published', (id) => `/v1/items/${id}/rollback`, {
    version: 1,
  }),
  'POST /v1/items/:id/verify': on('published', (id) => `/v1/items/${id}/verify`),
  'POST /v1/items/:id/acknowledge': async (store, id) => {
    await store.upsertItem(announcement(id), 'ops@example.com');
    return { path: `/v1/items/${id}/acknowledge` };
  },
  'GET /v1/items/:id/acknowledgements': async (store, id) => {
    await store.upsertItem(announcement(id), 'ops@example.com');
    return { path: `/v1/items/${id}/acknowledgements` };
  },
  'GET /v1/verification': () => ({ path: '/v1/verification' }),
  'POST /v1/anchor-reports': on('published', () => '/v1/anchor-reports'),
  'GET /v1/audit': () => ({ path: '/v1/audit' }),
  'GET /v1/templates': () => ({ path: '/v1/templates' }),
  'PUT /v1/templates/:id': (_store, id) => {
    const body: Record<string, unknown> = template(id);
    delete body.id; // the id comes from the path
    return { path: `/v1/templates/${id}`, body };
  },
  'GET /v1/auth/config': () => ({ path: '/v1/auth/config' }),
  'POST /v1/events': () => ({
    path: '/v1/events',
    body: { install: INSTALL, events: [{ ...sampleEvents[0]!, seq: 1 }] },
  }),
  'POST /v1/content-requests': () => ({
    path: '/v1/content-requests',
    body: {
      requests: [
        {
          id: '0c0ffee0-0000-4000-8000-000000000018',
          day: '2026-06-15',
          app: 'zendesk',
          screen: 'ticket',
          text: 'how do i merge two tickets',
        },
      ],
    },
  }),
  'GET /v1/me/learning': () => ({ path: '/v1/me/learning' }),
  'GET /v1/me/holdout': () => ({ path: '/v1/me/holdout' }),
  ...Object.fromEntries(
    ['gaps', 'content', 'guidance', 'learning', 'teams', 'impact'].map((view) => [
      `GET /v1/insights/${view}`,
      () => ({ path: `/v1/insights/${view}?since=30d` }),
    ]),
  ),
  'GET /v1/insights/screens/:app/:screen': () => ({ path: '/v1/insights/screens/zendesk/ticket' }),
  'GET /v1/insights/items/:id': on('published', (id) => `/v1/insights/items/${id}`),
  'PUT /v1/insights/gaps/:app/:screen': async (store, id) => {
    await seed('published')(store, id);
    return { path: '/v1/insights/gaps/zendesk/ticket', body: { status: 'addressed', item: id } };
  },
  // The draft is made from an article template, which this setup stores.
  'POST /v1/insights/gaps/:app/:screen/draft': async (store, id) => {
    const article = template(id, { item_type: 'article', fields: { template: 'how-to' } });
    await store.putTemplate(article as Template, undefined);
    return { path: '/v1/insights/gaps/zendesk/ticket/draft', body: { template: id, id } };
  },
  'GET /v1/insights/settings': () => ({ path: '/v1/insights/settings' }),
  'PUT /v1/insights/settings': () => ({ path: '/v1/insights/settings', body: { query_k: 5 } }),
  'POST /v1/insights/helpdesk': () => ({
    path: '/v1/insights/helpdesk',
    csv: 'Ticket ID,Solved at,Full resolution time (min)\r\n4711,2026-06-01,42\r\n',
  }),
};

/** Bodies that need the item's id (PUT an edit, report its anchor). */
function bodyFor(route: string, call: Call, id: string): unknown {
  if (route === 'PUT /v1/items/:id') return { ...draftBody(id), version: 1 };
  if (route === 'POST /v1/anchor-reports')
    return { items: [{ id, app: 'zendesk', screen: 'ticket', count: 1 }] };
  return call.body;
}

/** Sends `call` with `token` (none: anonymous), its body as JSON or as CSV. */
function request(app: App, method: string, call: Call, token: string | undefined) {
  const [type, body] =
    call.csv !== undefined
      ? ['text/csv', call.csv]
      : call.body !== undefined
        ? ['application/json', JSON.stringify(call.body)]
        : [];
  return app.request(call.path, {
    method,
    headers: {
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...(type === undefined ? {} : { 'Content-Type': type }),
    },
    ...(body === undefined ? {} : { body }),
  });
}
type App = ReturnType<typeof createApp>;

describe('who may call each route (README’s promises, over HTTP, on SQLite)', () => {
  let env: TempStore;
  let app: App;
  let provider: TestProvider;
  const tokens: Partial<Record<Who, string>> = {};
  beforeAll(async () => {
    env = await tempStore();
    // Built as a deployment with sign-in through a (real, local) identity provider and an
    // organisation key, so GET /v1/auth/config and POST /v1/insights/helpdesk can succeed.
    provider = await startTestProvider([]);
    app = createApp(env.store, {
      log: () => {},
      authFailuresPerMinute: 10_000,
      impactKey: 'k'.repeat(40),
      identity: signInThrough(provider),
    });
    for (const role of WHO.filter((w): w is Role => w !== 'anonymous'))
      tokens[role] = await tokenFor(env.store, `${role}@example.com`, role);
    await tokenFor(env.store, OWNER, 'author');
  });
  afterAll(async () => {
    await provider.close();
    await env.cleanup();
  });

  it('has an expectation and a scenario for every route the server registers, and no others', () => {
    const registered = [
      ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ].sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(registered);
    expect(Object.keys(SCENARIOS).sort()).toEqual(registered);
  });

  it.each(Object.keys(EXPECTED))('answers %s for each role as README promises', async (route) => {
    const method = route.split(' ')[0]!;
    const outcomes: string[] = [];
    for (const who of WHO) {
      const id = `${route.toLowerCase().replace(/[^a-z]+/g, '-')}-${who}`.replace(/^-/, '');
      const call = await SCENARIOS[route]!(env.store, id);
      const response = await request(
        app,
        method,
        { ...call, body: bodyFor(route, call, id) },
        tokens[who],
      );
      const refused = who === 'anonymous' ? 401 : 403;
      const got = response.ok ? 'yes' : response.status === refused ? 'no' : response.status;
      outcomes.push(`${who}: ${got}`);
    }
    expect(outcomes).toEqual(WHO.map((who, i) => `${who}: ${EXPECTED[route]![i]}`));
  });
});
