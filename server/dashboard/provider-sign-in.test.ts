import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import {
  signInThrough,
  followLogin,
  startTestProvider,
  TEST_CLIENT_ID,
  type TestProvider,
} from '../identity/test-provider';
import { sqliteBackend, type TempStore } from '../test-fixtures';

/**
 * The dashboard's "Sign in with <provider>" against a real OpenID provider (oidc-provider on
 * 127.0.0.1): the server runs the code flow with PKCE, the person's part is played by followLogin,
 * and the session it sets is the dashboard's own — ended at once when SCIM disables the user.
 */
const ORIGIN = 'http://insights.example.test';
const CALLBACK = `${ORIGIN}/insights/sign-in/callback`;

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider([CALLBACK]);
  provider.accounts.set('sub-bo', { email: 'bo@example.com', groups: ['Waymark Authors'] });
  provider.accounts.set('sub-ana', { email: 'ana@example.com', groups: ['Support Tier 1'] });
});
afterAll(() => provider.close());

// The store's clock is the real one: the provider stamps its tokens with it.
let env: TempStore;
beforeEach(async () => {
  env = await sqliteBackend.open(() => new Date());
  return () => env.cleanup();
});

function setup() {
  const identity = signInThrough(provider, {
    name: 'Example SSO',
    groups: { roles: { 'Waymark Authors': 'author' }, teams: { 'Support Tier 1': 'tier1' } },
    scimToken: 's'.repeat(40),
  });
  const app = createApp(env.store, { log: false, sessionKey: 'k'.repeat(40), identity });
  const get = (path: string, cookie?: string) =>
    app.request(path.startsWith('http') ? path : `${ORIGIN}${path}`, {
      headers: cookie === undefined ? {} : { Cookie: cookie },
    });
  return { app, get };
}

const cookiePair = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

/** Starts the flow, plays the person at the provider, and returns the callback's answer. */
async function signInAs(get: ReturnType<typeof setup>['get'], account: string, next = '') {
  const start = await get(`/insights/sign-in/provider${next}`);
  expect(start.status).toBe(303);
  const flow = cookiePair(start, 'waymark_sign_in_flow')!;
  const back = await followLogin(start.headers.get('Location')!, account, CALLBACK);
  return { callback: await get(back, flow), start, flow, back };
}

describe('dashboard sign-in through the identity provider', () => {
  it('offers "Sign in with <provider>" on the sign-in page', async () => {
    const { get } = setup();
    const page = await (await get('/insights/sign-in')).text();
    expect(page).toContain('href="/insights/sign-in/provider"');
    expect(page).toContain('Sign in with Example SSO');
  });

  it('sends the browser to the provider with PKCE, state and nonce, in a Lax flow cookie', async () => {
    const { get } = setup();
    const start = await get('/insights/sign-in/provider');
    const url = new URL(start.headers.get('Location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: TEST_CLIENT_ID,
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
    });
    for (const key of ['state', 'nonce', 'code_challenge'])
      expect(url.searchParams.get(key)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = start.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/waymark_sign_in_flow=.*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // The verifier never leaves the server unsealed.
    expect(cookie).not.toContain(url.searchParams.get('state'));
  });

  it('signs an author in: the session opens the dashboard, and SCIM disabling them ends it', async () => {
    const { get, app } = setup();
    const { callback } = await signInAs(get, 'sub-bo');
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain('url=/insights/gaps');
    const session = cookiePair(callback, 'waymark_insights')!;
    expect(callback.headers.getSetCookie().join('\n')).toMatch(
      /waymark_insights=.*SameSite=Strict/,
    );
    const gaps = await get('/insights/gaps', session);
    expect(gaps.status).toBe(200);
    expect(await gaps.text()).toContain('bo@example.com');

    const scim = (path: string, init: RequestInit) =>
      app.request(`${ORIGIN}/scim/v2${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${'s'.repeat(40)}`,
          'Content-Type': 'application/scim+json',
        },
      });
    const created = await scim('/Users', {
      method: 'POST',
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'bo@example.com',
        active: true,
      }),
    });
    const { id } = (await created.json()) as { id: string };
    await scim(`/Users/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
    });
    expect((await get('/insights/gaps', session)).headers.get('Location')).toBe(
      '/insights/sign-in',
    );
  });

  it('refuses a learner the views, but takes them back to the shared item they came from', async () => {
    const { get } = setup();
    const refused = await signInAs(get, 'sub-ana');
    expect(refused.callback.status).toBe(403);
    expect(await refused.callback.text()).toContain('not open to the learner role');
    expect(cookiePair(refused.callback, 'waymark_insights')).toBeUndefined();
    const shared = await signInAs(get, 'sub-ana', '?next=%2Fi%2Fsome-item');
    expect(shared.callback.status).toBe(200);
    expect(await shared.callback.text()).toContain('url=/i/some-item');
  });

  it('refuses an answer without the flow cookie, with another state, or replayed', async () => {
    const { get } = setup();
    const { back, flow } = await signInAs(get, 'sub-bo');
    expect((await get(back)).status).toBe(400);
    const forged = new URL(back);
    forged.searchParams.set('state', 'x'.repeat(43));
    const other = await signInAs(get, 'sub-bo');
    expect((await get(forged.href, other.flow)).status).toBe(400);
    // The code was redeemed once already: the provider refuses it again.
    const replay = await get(back, flow);
    expect(replay.status).toBe(502);
    expect(await replay.text()).toContain('did not give a token');
  });

  it('shows the provider’s refusal instead of signing in', async () => {
    const { get } = setup();
    const start = await get('/insights/sign-in/provider');
    const flow = cookiePair(start, 'waymark_sign_in_flow')!;
    const state = new URL(start.headers.get('Location')!).searchParams.get('state')!;
    const answer = await get(`${CALLBACK}?error=access_denied&state=${state}`, flow);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('refused the sign-in (access_denied)');
  });
});
