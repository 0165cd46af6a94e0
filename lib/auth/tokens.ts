import { z } from 'zod';
import { SignInError, type Attempt, type AuthConfig } from './pkce';

/** The provider's token response (RFC 6749 §5.1), checked at the boundary. */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1).max(16_000),
  token_type: z.string().regex(/^bearer$/i, 'must be Bearer'),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).max(16_000).optional(),
  id_token: z.string().min(1).max(16_000).optional(),
});

/** What the background keeps of a sign-in (never handed to a page or a content script). */
export interface Session {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch ms the access token expires at. */
  expiresAt: number;
  email: string | undefined;
}

/** An ID token's claims, read without checking its signature: it came straight from the token endpoint over TLS (OIDC Core 3.1.3.7). */
function idTokenClaims(idToken: string): Record<string, unknown> {
  const part = idToken.split('.')[1] ?? '';
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return z.record(z.string(), z.unknown()).parse(JSON.parse(json));
  } catch {
    throw new SignInError('the provider sent an ID token that cannot be read');
  }
}

/**
 * The session a token response gives. At the first sign-in (`attempt` given) the ID token must
 * come from the configured issuer, for this client, with this attempt's nonce: a replayed or
 * injected response fails here.
 */
export function sessionFrom(
  body: unknown,
  config: AuthConfig,
  attempt: Attempt | undefined,
  now: number,
  previous?: Session,
): Session {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success)
    throw new SignInError(
      `the provider's token response is not valid: ${parsed.error.issues[0]?.message}`,
    );
  const tokens = parsed.data;
  let email = previous?.email;
  if (attempt !== undefined) {
    if (tokens.id_token === undefined) throw new SignInError('the provider sent no ID token');
    const claims = idTokenClaims(tokens.id_token);
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (claims.iss !== config.issuer)
      throw new SignInError(`the ID token is from ${String(claims.iss)}, not ${config.issuer}`);
    if (!audience.includes(config.client_id))
      throw new SignInError('the ID token is for another application');
    if (claims.nonce !== attempt.nonce)
      throw new SignInError('the ID token does not belong to this sign-in (nonce differs)');
    email = typeof claims.email === 'string' ? claims.email : undefined;
  }
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    expiresAt: now + (tokens.expires_in ?? 300) * 1000,
    email,
  };
}

/** The form body that trades the refresh token for new tokens. */
export function refreshGrant(config: AuthConfig, refreshToken: string): URLSearchParams {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: config.client_id,
  });
  if (config.resource !== null) body.set('resource', config.resource);
  return body;
}
