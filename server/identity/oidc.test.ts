import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authorizationUrl,
  codeFromRedirect,
  codeGrant,
  newAttempt,
  SignInError,
  type AuthConfig,
} from '@/lib/auth/pkce';
import { refreshGrant, sessionFrom, type Session } from '@/lib/auth/tokens';
import { createApp } from '../app';
import { sqliteBackend, type TempStore } from '../test-fixtures';
import { identityConfig, identityFileSchema } from './config';
import {
  followLogin,
  startTestProvider,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  type TestProvider,
} from './test-provider';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider([REDIRECT]);
  provider.accounts.set('sub-ana', { email: 'ana@example.com', groups: ['Support Tier 1'] });
  provider.accounts.set('sub-bo', { email: 'bo@example.com', groups: ['Waymark Authors'] });
});
afterAll(() => provider.close());

/** The store's clock runs with the real one (the provider stamps tokens with it), plus `skew`. */
let skew = 0;
let env: TempStore;
beforeEach(async () => {
  skew = 0;
  env = await sqliteBackend.open(() => new Date(Date.now() + skew));
  return () => env.cleanup();
});

function appFor(audience = TEST_AUDIENCE) {
  const file = identityFileSchema.parse({
    oidc: {
      issuer: provider.issuer,
      audience,
      client_id: TEST_CLIENT_ID,
      jwks_cooldown_seconds: 0,
    },
    groups: { roles: { 'Waymark Authors': 'author' }, teams: { 'Support Tier 1': 'tier1' } },
  });
  return createApp(env.store, { log: false, identity: identityConfig(file, {}, sha256) });
}

const me = (app: ReturnType<typeof createApp>, token: string) =>
  app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } });

async function authConfig(app: ReturnType<typeof createApp>): Promise<AuthConfig> {
  return (await (await app.request('/v1/auth/config')).json()) as AuthConfig;
}

async function tokenRequest(config: AuthConfig, body: URLSearchParams): Promise<unknown> {
  const res = await fetch(config.token_endpoint, { method: 'POST', body });
  return res.json();
}

/** The extension's flow, with the person's part played by followLogin. */
async function signIn(config: AuthConfig, accountId: string): Promise<Session> {
  const attempt = newAttempt(REDIRECT);
  const redirected = await followLogin(
    await authorizationUrl(config, attempt),
    accountId,
    REDIRECT,
  );
  const code = codeFromRedirect(redirected, attempt);
  return sessionFrom(
    await tokenRequest(config, codeGrant(config, attempt, code)),
    config,
    attempt,
    Date.now(),
  );
}

describe('sign-in through a real OpenID provider', () => {
  it('tells the extension the provider endpoints and its client id', async () => {
    const config = await authConfig(appFor());
    expect(config).toMatchObject({
      issuer: provider.issuer,
      client_id: TEST_CLIENT_ID,
      authorization_endpoint: `${provider.issuer}/auth`,
      token_endpoint: `${provider.issuer}/token`,
    });
  });

  it('makes the user at the first sign-in, with the team their groups map to', async () => {
    const app = appFor();
    const session = await signIn(await authConfig(app), 'sub-ana');
    expect(session.email).toBe('ana@example.com');
    const res = await me(app, session.accessToken);
    expect(await res.json()).toMatchObject({
      email: 'ana@example.com',
      role: 'learner',
      team: 'tier1',
    });
  });

  it('moves the user to another team when their groups change at the provider', async () => {
    const app = appFor();
    const config = await authConfig(app);
    const session = await signIn(config, 'sub-bo');
    expect(await (await me(app, session.accessToken)).json()).toMatchObject({
      role: 'author',
      team: null,
    });
    provider.accounts.set('sub-bo', { email: 'bo@example.com', groups: ['Support Tier 1'] });
    const refreshed = sessionFrom(
      await tokenRequest(config, refreshGrant(config, session.refreshToken!)),
      config,
      undefined,
      Date.now(),
      session,
    );
    expect(await (await me(app, refreshed.accessToken)).json()).toMatchObject({
      role: 'learner',
      team: 'tier1',
    });
  });

  it('refuses a token for another audience', async () => {
    const session = await signIn(await authConfig(appFor()), 'sub-ana');
    const res = await me(appFor('https://other.example.com'), session.accessToken);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'the token is for another audience (aud)' });
  });

  it('refuses an expired token', async () => {
    const app = appFor();
    const session = await signIn(await authConfig(app), 'sub-ana');
    skew = 2 * 3600_000;
    const res = await me(app, session.accessToken);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'the token has expired' });
  });

  it('refuses the ID token presented as an access token', async () => {
    const app = appFor();
    const config = await authConfig(app);
    const attempt = newAttempt(REDIRECT);
    const code = codeFromRedirect(
      await followLogin(await authorizationUrl(config, attempt), 'sub-ana', REDIRECT),
      attempt,
    );
    const body = (await tokenRequest(config, codeGrant(config, attempt, code))) as {
      id_token: string;
    };
    const res = await me(app, body.id_token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /an ID token is not accepted/,
    );
  });

  it('accepts tokens signed with a rotated key, and still the old key while it is published', async () => {
    const app = appFor();
    const config = await authConfig(app);
    const before = await signIn(config, 'sub-ana');
    expect((await me(app, before.accessToken)).status).toBe(200);
    await provider.rotateKeys();
    const after = await signIn(config, 'sub-ana');
    expect((await me(app, after.accessToken)).status).toBe(200);
    expect((await me(app, before.accessToken)).status).toBe(200);
  });

  it('refuses a user disabled in Waymark although their token has not expired', async () => {
    const app = appFor();
    const session = await signIn(await authConfig(app), 'sub-ana');
    expect((await me(app, session.accessToken)).status).toBe(200);
    const ana = (await env.store.scimUsers({ startIndex: 1, count: 10 })).resources;
    expect(ana).toEqual([]); // signed in, not provisioned: SCIM adopts her by email below
    const adopted = await env.store.scimWriteUser(
      undefined,
      () => ({
        userName: 'ana@example.com',
        email: 'ana@example.com',
        externalId: undefined,
        displayName: undefined,
        active: false,
      }),
      (_groups, current) => current ?? { role: 'learner', team: undefined },
    );
    expect(adopted?.active).toBe(false);
    const res = await me(app, session.accessToken);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'ana@example.com is disabled' });
  });

  it('refuses a redirect that answers another sign-in (state), before any token request', async () => {
    const config = await authConfig(appFor());
    const mine = newAttempt(REDIRECT);
    const other = newAttempt(REDIRECT);
    const redirected = await followLogin(
      await authorizationUrl(config, other),
      'sub-ana',
      REDIRECT,
    );
    expect(() => codeFromRedirect(redirected, mine)).toThrow(SignInError);
  });

  it('refuses a token response whose ID token carries another nonce', async () => {
    const config = await authConfig(appFor());
    const attempt = newAttempt(REDIRECT);
    const code = codeFromRedirect(
      await followLogin(await authorizationUrl(config, attempt), 'sub-ana', REDIRECT),
      attempt,
    );
    const body = await tokenRequest(config, codeGrant(config, attempt, code));
    expect(() => sessionFrom(body, config, { ...attempt, nonce: 'replayed' }, Date.now())).toThrow(
      'the ID token does not belong to this sign-in (nonce differs)',
    );
  });
});
