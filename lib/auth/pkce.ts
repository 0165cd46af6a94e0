/**
 * The authorization code flow with PKCE (RFC 7636) as the extension runs it against the
 * organisation's identity provider: a fresh verifier, state and nonce for every sign-in, the
 * authorization URL, and the checks on the redirect that comes back. No DOM, no browser API:
 * the background and the tests (driving a real provider) share it.
 */

/** What the server's `GET /v1/auth/config` says (server/identity/sign-in.ts). */
export interface AuthConfig {
  issuer: string;
  name: string;
  client_id: string;
  scopes: string[];
  resource: string | null;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string | null;
}

/** One sign-in attempt's secrets; they live in the background's memory only. */
export interface Attempt {
  verifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 32 random bytes, base64url: 43 characters, within PKCE's 43–128. */
export const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export const newAttempt = (redirectUri: string): Attempt => ({
  verifier: randomToken(),
  state: randomToken(),
  nonce: randomToken(),
  redirectUri,
});

export async function authorizationUrl(config: AuthConfig, attempt: Attempt): Promise<string> {
  const url = new URL(config.authorization_endpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: config.client_id,
    redirect_uri: attempt.redirectUri,
    scope: config.scopes.join(' '),
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: await challengeOf(attempt.verifier),
    code_challenge_method: 'S256',
  };
  if (config.resource !== null) params.resource = config.resource;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** The provider refused, or the redirect is not the answer to this attempt. */
export class SignInError extends Error {}

/** The code from the redirect, after checking it answers this attempt (state) and is no error. */
export function codeFromRedirect(redirected: string, attempt: Attempt): string {
  if (!redirected.startsWith(attempt.redirectUri))
    throw new SignInError('the provider redirected elsewhere than to the extension');
  const params = new URL(redirected).searchParams;
  if (params.get('state') !== attempt.state)
    throw new SignInError('the answer does not belong to this sign-in (state differs); try again');
  const error = params.get('error');
  if (error !== null)
    throw new SignInError(`the provider refused: ${params.get('error_description') ?? error}`);
  const code = params.get('code');
  if (code === null) throw new SignInError('the provider sent no authorization code');
  return code;
}

/** The form body of the token request that redeems `code` with the attempt's verifier. */
export function codeGrant(config: AuthConfig, attempt: Attempt, code: string): URLSearchParams {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: attempt.redirectUri,
    client_id: config.client_id,
    code_verifier: attempt.verifier,
  });
  if (config.resource !== null) body.set('resource', config.resource);
  return body;
}
