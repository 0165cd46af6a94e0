import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createHash } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';
import { identityConfig, identityFileSchema, type IdentityConfig } from './config';

/**
 * Test-only: a real OpenID provider (`oidc-provider`) on 127.0.0.1, in the test's process. It
 * issues JWT access tokens (RFC 9068) for the Waymark API audience carrying email and groups,
 * knows a public client (the extension) with PKCE, and shows its development login and consent
 * pages, which `followLogin` fills the way a person would. `rotateKeys` restarts it with a new
 * signing key first, as a provider's key rotation does.
 */
export interface TestAccount {
  email: string;
  name?: string;
  groups?: string[];
}

export const TEST_AUDIENCE = 'https://waymark.example.com/api';
export const TEST_CLIENT_ID = 'waymark-extension';

/** Sign-in through `provider` for the Waymark audience and client, nothing else configured. */
export function signInThrough(
  provider: TestProvider,
  options: {
    /** The provider's name as people see it ("Sign in with <name>"). */
    name?: string;
    /** The `groups` mapping of the config file (roles and teams by group name). */
    groups?: { roles?: Record<string, string>; teams?: Record<string, string> };
    scimToken?: string;
  } = {},
): IdentityConfig {
  const file = identityFileSchema.parse({
    oidc: {
      issuer: provider.issuer,
      audience: TEST_AUDIENCE,
      client_id: TEST_CLIENT_ID,
      ...(options.name === undefined ? {} : { name: options.name }),
    },
    ...(options.groups === undefined ? {} : { groups: options.groups }),
  });
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  return identityConfig(
    file,
    options.scimToken === undefined ? {} : { scimToken: options.scimToken },
    sha256,
  );
}

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  rotateKeys: () => Promise<void>;
  close: () => Promise<void>;
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };
}

interface Options {
  accessTokenTtl?: number;
  /** Origins allowed to call the token and revocation endpoints (the extension's own origin). */
  corsOrigins?: string[];
}

function configuration(
  accounts: Map<string, TestAccount>,
  keys: JWK[],
  redirectUris: string[],
  options: Options,
): Configuration {
  const claimsOf = (sub: string) => {
    const account = accounts.get(sub);
    return account === undefined ? undefined : { sub, ...account };
  };
  return {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys },
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    findAccount: (_ctx, sub) =>
      accounts.has(sub) ? { accountId: sub, claims: () => claimsOf(sub)! } : undefined,
    // The test's provider hands out refresh tokens without a consent prompt (Entra does too).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token ? accounts.get(String(token.accountId)) : undefined;
      return account === undefined ? undefined : { ...account };
    },
    ttl: { AccessToken: options.accessTokenTtl ?? 600, IdToken: 3600 },
    // As an administrator allows the extension's origin (Okta's trusted origins, Entra's SPA redirect).
    clientBasedCORS: (_ctx, origin) => (options.corsOrigins ?? []).includes(origin),
    features: {
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => TEST_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid email profile offline_access',
          audience: TEST_AUDIENCE,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  };
}

/** Starts the provider; `redirectUris` are the extension's redirect URLs it accepts. */
export async function startTestProvider(
  redirectUris: string[],
  options: Options = {},
): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  let handler: ReturnType<Provider['callback']> | undefined;
  const server: Server = createServer((req, res) => void handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let keys = [await signingKey()];
  const start = () => {
    const config = configuration(accounts, keys, redirectUris, options);
    handler = new Provider(issuer, config).callback();
  };
  start();
  return {
    issuer,
    accounts,
    rotateKeys: async () => {
      keys = [await signingKey(), ...keys];
      start();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Plays the person at the provider's pages: follows redirects from `authorizationUrl`, signs in
 * as `accountId` on the login page and confirms the consent page, and returns the URL the
 * provider finally redirects to (the extension's redirect URI, with the code or an error).
 */
export async function followLogin(
  authorizationUrl: string,
  accountId: string,
  redirectPrefix: string,
): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirectPrefix)) return url;
    const res = await fetch(url, {
      method: form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      ...(form === undefined ? {} : { body: form }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    form = undefined;
    const location = res.headers.get('location');
    if (location !== null) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (action === undefined || prompt === undefined)
      throw new Error(`the provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    form = new URLSearchParams({ prompt, login: accountId, password: 'any' });
  }
  throw new Error('the provider kept redirecting');
}
