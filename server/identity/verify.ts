import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { IdentityClaims } from '../store/identity-types';
import type { OidcConfig } from './config';

/** The parts of the provider's discovery document Waymark uses. */
const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  revocation_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
});
export type Discovery = z.infer<typeof discoverySchema>;

/** A token the server refuses, with a reason fit for the 401's message. */
export class TokenRejectedError extends Error {}

/** The provider could not be reached or answered nonsense (a 503, not the token's fault). */
export class ProviderUnavailableError extends Error {}

/**
 * Verifies access tokens from the configured OpenID provider with jose: signature against the
 * provider's JWKS (a key id it has not seen makes jose fetch the JWKS again, so a rotated key is
 * picked up), issuer, audience, expiry (against the store's clock), allowed algorithms, and the
 * `typ` header, which is what keeps an ID token from being used as an access token.
 */
export class OidcVerifier {
  private discovery: Promise<Discovery> | undefined;
  private keys: JWTVerifyGetKey | undefined;

  constructor(
    readonly config: OidcConfig,
    private readonly now: Clock,
  ) {}

  /** The discovery document, fetched once; a failure is retried at the next call. */
  discover(): Promise<Discovery> {
    this.discovery ??= this.fetchDiscovery().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  private async fetchDiscovery(): Promise<Discovery> {
    const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = await res.json();
    } catch (error) {
      throw new ProviderUnavailableError(`${url}: ${(error as Error).message}`);
    }
    const parsed = discoverySchema.safeParse(body);
    if (!parsed.success) throw new ProviderUnavailableError(`${url}: not a discovery document`);
    if (parsed.data.issuer !== this.config.issuer)
      throw new ProviderUnavailableError(
        `${url} names the issuer "${parsed.data.issuer}", not "${this.config.issuer}"`,
      );
    return parsed.data;
  }

  /** Who the token names, or TokenRejectedError saying why not. */
  async verify(token: string): Promise<IdentityClaims> {
    const { jwks_uri } = await this.discover();
    this.keys ??= createRemoteJWKSet(new URL(jwks_uri), {
      cooldownDuration: this.config.jwks_cooldown_seconds * 1000,
    });
    this.checkType(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        clockTolerance: this.config.clock_tolerance_seconds,
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new TokenRejectedError(rejection(error));
    }
    return this.claimsOf(payload);
  }

  private checkType(token: string): void {
    let typ: string | undefined;
    try {
      typ = decodeProtectedHeader(token).typ;
    } catch {
      throw new TokenRejectedError('the token is not a JWT');
    }
    const normal = (t: string) => t.toLowerCase().replace(/^application\//, '');
    const allowed = this.config.token_types.map(normal);
    if (typ === undefined || !allowed.includes(normal(typ)))
      throw new TokenRejectedError(
        `the token's type is "${typ ?? 'none'}", not an access token (${this.config.token_types.join(', ')}); an ID token is not accepted`,
      );
  }

  private claimsOf(payload: JWTPayload): IdentityClaims {
    const names = this.config.claims;
    const email = payload[names.email];
    if (typeof email !== 'string' || !z.email().safeParse(email).success)
      throw new TokenRejectedError(`the token carries no email in its "${names.email}" claim`);
    const groups = payload[names.groups];
    const name = payload[names.name];
    return {
      issuer: this.config.issuer,
      subject: payload.sub ?? '',
      email,
      name: typeof name === 'string' ? name.slice(0, 200) : undefined,
      groups: Array.isArray(groups)
        ? groups.filter((g): g is string => typeof g === 'string')
        : undefined,
    };
  }
}

/** jose's error as a sentence for the 401 (never echoing the token). */
function rejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'the token is for another audience (aud)';
    if (error.claim === 'iss') return 'the token is from another issuer (iss)';
    return `the token's "${error.claim}" claim is not valid: ${error.reason}`;
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the token is signed with a key the provider does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the token signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the token is signed with an algorithm not allowed';
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError))
    throw new ProviderUnavailableError(`the provider's keys: ${(error as Error).message}`);
  return `the token is not valid: ${error.message}`;
}
