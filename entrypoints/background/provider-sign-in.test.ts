import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  signInThrough,
  followLogin,
  startTestProvider,
  TEST_CLIENT_ID,
  type TestProvider,
} from '@/server/identity/test-provider';
import { startServer, type RunningServer } from '@/server/main';
import { sqliteBackend, type TempStore } from '@/server/test-fixtures';
import type { AccountView, ConnectResult } from '@/lib/messages';
import { readAccount, saveAccount } from './account';
import { createProviderSignIn, type Connect } from './provider-sign-in';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const view = {} as AccountView;

let provider: TestProvider;
let server: RunningServer;
let env: TempStore;
beforeAll(async () => {
  provider = await startTestProvider([REDIRECT], { accessTokenTtl: 30 });
  provider.accounts.set('sub-ana', { email: 'ana@example.com', groups: ['Support Tier 1'] });
  // The store's clock is the real one: the provider stamps its tokens with it.
  env = await sqliteBackend.open(() => new Date());
  server = await startServer(env.store, {
    host: '127.0.0.1',
    port: 0,
    log: false,
    identity: signInThrough(provider, {
      name: 'Example SSO',
      groups: { teams: { 'Support Tier 1': 'tier1' } },
    }),
  });
});
afterAll(async () => {
  await server.close();
  await provider.close();
  await env.cleanup().catch(() => undefined); // server.close() closed the store already
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
  // The browser's auth window: the person signs in at the provider's real pages.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the typings' last overload takes a callback; the background uses the promise form
  vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(({ url }) =>
    followLogin(url, 'sub-ana', REDIRECT),
  );
});

const me = (token: string) =>
  fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });

describe('provider sign-in in the background', () => {
  const signIn = createProviderSignIn({ view: () => Promise.resolve(view) });

  it('offers the provider by the name the server gives', async () => {
    expect(await signIn.provider(server.url)).toEqual({ available: true, name: 'Example SSO' });
  });

  it('signs in with code + PKCE and hands connect a token the server accepts', async () => {
    const connect = vi.fn<Connect>(() =>
      Promise.resolve({ ok: true, message: 'ok', account: view }),
    );
    const result: ConnectResult = await signIn.signIn(server.url, undefined, connect);
    expect(result.ok).toBe(true);
    const [url, token, , oidc] = connect.mock.calls[0]!;
    expect(url).toBe(server.url);
    expect(oidc).toMatchObject({ issuer: provider.issuer, clientId: TEST_CLIENT_ID });
    expect(oidc.refreshToken).toBeDefined();
    expect(await (await me(token)).json()).toMatchObject({
      email: 'ana@example.com',
      team: 'tier1',
    });
  });

  it('says the window closed when the person closes it', async () => {
    vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockRejectedValue(
      new Error('The user did not approve access.'),
    );
    const result = await signIn.signIn(server.url, undefined, vi.fn<Connect>());
    expect(result).toMatchObject({
      ok: false,
      message:
        'Sign-in did not finish: the sign-in window closed before it finished (The user did not approve access.)',
    });
  });

  it('refreshes the access token before it expires, and revokes the session at sign-out', async () => {
    const connect = vi.fn<Connect>(() =>
      Promise.resolve({ ok: true, message: 'ok', account: view }),
    );
    await signIn.signIn(server.url, undefined, connect);
    const [, token, , oidc] = connect.mock.calls[0]!;
    // Stored as sync's connect does; its token expires within the refresh margin (30 s TTL).
    await saveAccount({ serverUrl: server.url, token, oidc });
    const fresh = (await readAccount())!;
    expect(fresh.token).not.toBe(token);
    expect((await me(fresh.token)).status).toBe(200);
    await signIn.revoke();
    const refused = await fetch(oidc.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: fresh.oidc!.refreshToken!,
        client_id: TEST_CLIENT_ID,
      }),
    });
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('a refresh the provider refuses', () => {
  it('forgets the refresh token so the provider is not asked again at every read', async () => {
    const stale = {
      issuer: provider.issuer,
      clientId: TEST_CLIENT_ID,
      tokenEndpoint: `${provider.issuer}/token`,
      refreshToken: 'not-a-refresh-token',
      expiresAt: 0,
    };
    await saveAccount({ serverUrl: server.url, token: 'expired', oidc: stale });
    const after = (await readAccount())!;
    expect(after.token).toBe('expired');
    expect(after.oidc?.refreshToken).toBeUndefined();
  });
});
