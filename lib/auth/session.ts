import { z } from 'zod';
import {
  authorizationUrl,
  codeFromRedirect,
  codeGrant,
  newAttempt,
  SignInError,
  type AuthConfig,
} from './pkce';
import { refreshGrant, sessionFrom, type Session } from './tokens';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const authConfigSchema = z.object({
  issuer: z.url(),
  name: z.string().max(80),
  client_id: z.string().min(1).max(500),
  scopes: z.array(z.string().max(200)).max(20),
  resource: z.string().max(500).nullable(),
  authorization_endpoint: z.url({ protocol: /^https?$/ }),
  token_endpoint: z.url({ protocol: /^https?$/ }),
  revocation_endpoint: z.url({ protocol: /^https?$/ }).nullable(),
});

/** The server's sign-in settings, or undefined when it has no identity provider (404). */
export async function fetchAuthConfig(
  serverUrl: string,
  fetch: Fetch,
): Promise<AuthConfig | undefined> {
  const res = await fetch(new URL('/v1/auth/config', serverUrl).href, { cache: 'no-cache' });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new SignInError(`the server's sign-in settings: HTTP ${res.status}`);
  const parsed = authConfigSchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new SignInError("the server's sign-in settings are not valid");
  return parsed.data;
}

/**
 * What the background stores of a provider sign-in, beside the access token in the account:
 * enough to refresh it and to revoke it at sign-out. Extension storage only.
 */
export const oidcStateSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  tokenEndpoint: z.string(),
  revocationEndpoint: z.string().optional(),
  resource: z.string().optional(),
  refreshToken: z.string().max(16_000).optional(),
  expiresAt: z.number(),
});
export type OidcState = z.infer<typeof oidcStateSchema>;

const configOf = (state: OidcState): AuthConfig => ({
  issuer: state.issuer,
  name: '',
  client_id: state.clientId,
  scopes: [],
  resource: state.resource ?? null,
  authorization_endpoint: state.tokenEndpoint,
  token_endpoint: state.tokenEndpoint,
  revocation_endpoint: state.revocationEndpoint ?? null,
});

async function tokenRequest(fetch: Fetch, url: string, body: URLSearchParams): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', body, credentials: 'omit' });
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = z.object({ error: z.string(), error_description: z.string().optional() });
    const parsed = error.safeParse(json);
    const why = parsed.success
      ? (parsed.data.error_description ?? parsed.data.error)
      : `HTTP ${res.status}`;
    throw new SignInError(`the provider refused the token request: ${why}`);
  }
  return json;
}

export interface SignInDeps {
  fetch: Fetch;
  now: () => number;
  /** Opens the provider's page and resolves with the URL it redirects to (identity API). */
  launch: (url: string) => Promise<string>;
  redirectUri: string;
}

/** The authorization code flow with PKCE, state and nonce, end to end. */
export async function signInWithProvider(
  config: AuthConfig,
  deps: SignInDeps,
): Promise<{ session: Session; state: OidcState }> {
  const attempt = newAttempt(deps.redirectUri);
  let redirected: string;
  try {
    redirected = await deps.launch(await authorizationUrl(config, attempt));
  } catch (error) {
    throw new SignInError(
      `the sign-in window closed before it finished (${(error as Error).message})`,
    );
  }
  const code = codeFromRedirect(redirected, attempt);
  const body = await tokenRequest(
    deps.fetch,
    config.token_endpoint,
    codeGrant(config, attempt, code),
  );
  const session = sessionFrom(body, config, attempt, deps.now());
  return { session, state: stateOf(config, session) };
}

const stateOf = (config: AuthConfig, session: Session): OidcState => ({
  issuer: config.issuer,
  clientId: config.client_id,
  tokenEndpoint: config.token_endpoint,
  ...(config.revocation_endpoint === null
    ? {}
    : { revocationEndpoint: config.revocation_endpoint }),
  ...(config.resource === null ? {} : { resource: config.resource }),
  ...(session.refreshToken === undefined ? {} : { refreshToken: session.refreshToken }),
  expiresAt: session.expiresAt,
});

/** Refresh this long before the access token expires, so no request carries an expired one. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * A new access token when the stored one expires within the margin; undefined when it is still
 * good. Throws SignInError when the provider refuses (the user was disabled there, or the
 * refresh token expired): the learner must sign in again.
 */
export async function refreshIfDue(
  state: OidcState,
  email: string | undefined,
  deps: Pick<SignInDeps, 'fetch' | 'now'>,
): Promise<{ accessToken: string; state: OidcState } | undefined> {
  if (state.expiresAt - deps.now() > REFRESH_MARGIN_MS) return undefined;
  if (state.refreshToken === undefined)
    throw new SignInError('your sign-in has expired: sign in again');
  const config = configOf(state);
  const body = await tokenRequest(
    deps.fetch,
    state.tokenEndpoint,
    refreshGrant(config, state.refreshToken),
  );
  const previous = { accessToken: '', refreshToken: state.refreshToken, expiresAt: 0, email };
  const session = sessionFrom(body, config, undefined, deps.now(), previous);
  return { accessToken: session.accessToken, state: stateOf(config, session) };
}

/** Revokes the refresh token at the provider (best effort: sign-out goes on regardless). */
export async function revokeAtProvider(state: OidcState, fetch: Fetch): Promise<boolean> {
  if (state.revocationEndpoint === undefined || state.refreshToken === undefined) return false;
  const body = new URLSearchParams({
    token: state.refreshToken,
    token_type_hint: 'refresh_token',
    client_id: state.clientId,
  });
  const res = await fetch(state.revocationEndpoint, {
    method: 'POST',
    body,
    credentials: 'omit',
  }).catch(() => undefined);
  return res?.ok ?? false;
}
