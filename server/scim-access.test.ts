import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/content-model';
import { createApp } from './app';
import { identityConfig, identityFileSchema } from './identity/config';
import { tempStore, tokenFor, type TempStore } from './test-fixtures';

/**
 * The SCIM half of the role × route oracle (the other half: role-access.test.ts). SCIM routes do
 * not take Waymark roles at all: docs/sign-in.md and README promise `/scim/v2` "behind their own
 * token". So no token and every Waymark role's token are refused with 401, and only the SCIM
 * token is accepted — written out per route, not derived from the server's code.
 */
type Who = 'anonymous' | Role | 'scim';
const WHO: readonly Who[] = ['anonymous', 'learner', 'author', 'reviewer', 'admin', 'scim'];
type Row = readonly ['no', 'no', 'no', 'no', 'no', 'yes'];
const SCIM_ONLY: Row = ['no', 'no', 'no', 'no', 'no', 'yes'];

// prettier-ignore
const EXPECTED: Readonly<Record<string, Row>> = {
  //                              anonymous learner author reviewer admin scim-token
  'GET /scim/v2/Users':           SCIM_ONLY,
  'POST /scim/v2/Users':          SCIM_ONLY,
  'GET /scim/v2/Users/:id':       SCIM_ONLY,
  'PUT /scim/v2/Users/:id':       SCIM_ONLY,
  'PATCH /scim/v2/Users/:id':     SCIM_ONLY,
  'DELETE /scim/v2/Users/:id':    SCIM_ONLY,
  'GET /scim/v2/Groups':          SCIM_ONLY,
  'POST /scim/v2/Groups':         SCIM_ONLY,
  'GET /scim/v2/Groups/:id':      SCIM_ONLY,
  'PUT /scim/v2/Groups/:id':      SCIM_ONLY,
  'PATCH /scim/v2/Groups/:id':    SCIM_ONLY,
  'DELETE /scim/v2/Groups/:id':   SCIM_ONLY,
};

const SCIM_TOKEN = 'scim-access-token-0123456789abcdef0123456789';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
type App = ReturnType<typeof createApp>;

function send(app: App, method: string, path: string, token?: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: {
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const userBody = (name: string) => ({
  schemas: [USER],
  userName: `${name}@example.com`,
  emails: [{ primary: true, type: 'work', value: `${name}@example.com` }],
  active: true,
});
const groupBody = (name: string) => ({ schemas: [GROUP], displayName: name, members: [] });
const patch = (path: string, value: unknown) => ({
  schemas: [PATCH],
  Operations: [{ op: 'replace', path, value }],
});

/** A resource made with the SCIM token (the setup), so a call on its id can succeed. */
async function made(app: App, kind: 'Users' | 'Groups', name: string): Promise<string> {
  const body = kind === 'Users' ? userBody(name) : groupBody(name);
  const res = await send(app, 'POST', `/scim/v2/${kind}`, SCIM_TOKEN, body);
  if (res.status !== 201) throw new Error(`setup: POST ${kind} answered ${res.status}`);
  return String(((await res.json()) as { id: unknown }).id);
}

interface Call {
  path: string;
  body?: unknown;
}
type Scenario = (app: App, name: string) => Promise<Call> | Call;
const onOne =
  (kind: 'Users' | 'Groups', body?: (name: string) => unknown): Scenario =>
  async (app, name) => ({
    path: `/scim/v2/${kind}/${await made(app, kind, name)}`,
    ...(body === undefined ? {} : { body: body(name) }),
  });

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'GET /scim/v2/Users': () => ({ path: '/scim/v2/Users' }),
  'POST /scim/v2/Users': (_app, name) => ({ path: '/scim/v2/Users', body: userBody(name) }),
  'GET /scim/v2/Users/:id': onOne('Users'),
  'PUT /scim/v2/Users/:id': onOne('Users', userBody),
  'PATCH /scim/v2/Users/:id': onOne('Users', () => patch('active', true)),
  'DELETE /scim/v2/Users/:id': onOne('Users'),
  'GET /scim/v2/Groups': () => ({ path: '/scim/v2/Groups' }),
  'POST /scim/v2/Groups': (_app, name) => ({ path: '/scim/v2/Groups', body: groupBody(name) }),
  'GET /scim/v2/Groups/:id': onOne('Groups'),
  'PUT /scim/v2/Groups/:id': onOne('Groups', groupBody),
  'PATCH /scim/v2/Groups/:id': onOne('Groups', (name) => patch('displayName', `${name} renamed`)),
  'DELETE /scim/v2/Groups/:id': onOne('Groups'),
};

const routesOf = (app: App) =>
  [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))]
    .filter((route) => route.includes(' /scim/'))
    .sort();

describe('who may call each SCIM route (its own token, never a Waymark role), over HTTP, on SQLite', () => {
  let env: TempStore;
  let app: App;
  const tokens: Partial<Record<Who, string>> = { scim: SCIM_TOKEN };
  beforeAll(async () => {
    env = await tempStore();
    const identity = identityConfig(
      identityFileSchema.parse({}),
      { scimToken: SCIM_TOKEN },
      sha256,
    );
    app = createApp(env.store, { log: () => {}, authFailuresPerMinute: 10_000, identity });
    for (const role of ['learner', 'author', 'reviewer', 'admin'] as const)
      tokens[role] = await tokenFor(env.store, `${role}@example.com`, role);
  });
  afterAll(() => env.cleanup());

  it('has an expectation and a scenario for every SCIM route, and turning SCIM on adds only those', async () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(routesOf(app));
    expect(Object.keys(SCENARIOS).sort()).toEqual(routesOf(app));
    const all = (a: App) => new Set(a.routes.map((r) => `${r.method} ${r.path}`));
    const withoutScim = createApp(env.store, { log: false });
    const added = [...all(app)].filter((route) => !all(withoutScim).has(route));
    expect(added.every((route) => route.includes(' /scim/v2'))).toBe(true);
    // Without the SCIM token the routes are not there at all (docs/sign-in.md: 404).
    expect(routesOf(withoutScim)).toEqual([]);
    expect((await send(withoutScim, 'GET', '/scim/v2/Users', SCIM_TOKEN)).status).toBe(404);
  });

  it.each(Object.keys(EXPECTED))('answers %s only to the SCIM token', async (route) => {
    const method = route.split(' ')[0]!;
    const outcomes: string[] = [];
    for (const who of WHO) {
      const name = `${route.toLowerCase().replace(/[^a-z]+/g, '-')}-${who}`.replace(/^-/, '');
      const call = await SCENARIOS[route]!(app, name);
      const response = await send(app, method, call.path, tokens[who], call.body);
      const got = response.ok ? 'yes' : response.status === 401 ? 'no' : response.status;
      outcomes.push(`${who}: ${got}`);
    }
    expect(outcomes).toEqual(WHO.map((who, i) => `${who}: ${EXPECTED[route]![i]}`));
  });
});
