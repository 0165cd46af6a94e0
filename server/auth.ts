import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress, jsonError, type ServerEnv } from './http';
import type { SignInService } from './identity/sign-in';
import { FailureLimiter } from './rate-limit';
import type { Store, User } from './store';

const OPAQUE = /^Bearer ([A-Za-z0-9_-]{1,200})$/;
/** A JWS in compact form: three base64url parts (an access token from the identity provider). */
const JWT = /^Bearer ([A-Za-z0-9_-]{1,4000}\.[A-Za-z0-9_-]{1,8000}\.[A-Za-z0-9_-]{0,1000})$/;

/**
 * Bearer-token auth. An opaque token (`waymark users add`) is answered by the store: SQLite reads
 * it on every request, PostgreSQL caches it and evicts on NOTIFY, so revoking a user takes effect
 * on their next request, on every instance. With an identity provider configured, a JWT access
 * token is verified (server/identity/) and names a user, found or made just in time; a user
 * disabled by SCIM is refused even while their access token is still unexpired. Repeated failures
 * from one address are answered 429 until the window passes, even with a good token, to make
 * guessing expensive.
 */
export function bearerAuth(
  store: Store,
  maxFailuresPerMinute: number,
  signIn?: SignInService,
): MiddlewareHandler<ServerEnv> {
  const limiter = new FailureLimiter(maxFailuresPerMinute);
  return async (c, next) => {
    const address = clientAddress(c);
    const wait = limiter.retryAfter(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'rate_limited', `too many failed sign-ins; retry in ${wait} s`);
    }
    const found = await userOf(c, store, signIn);
    if (typeof found === 'string') {
      limiter.fail(address);
      c.header('WWW-Authenticate', 'Bearer realm="waymark"');
      return jsonError(c, 401, 'unauthorized', found);
    }
    c.set('user', found);
    await next();
    return undefined;
  };
}

/** The user the request's token names, or why there is none. */
async function userOf(
  c: Context<ServerEnv>,
  store: Store,
  signIn: SignInService | undefined,
): Promise<User | string> {
  const header = c.req.header('Authorization') ?? '';
  const opaque = OPAQUE.exec(header)?.[1];
  if (opaque !== undefined)
    return (await store.userForToken(opaque)) ?? 'the token is unknown or has been revoked';
  const jwt = JWT.exec(header)?.[1];
  if (jwt !== undefined && signIn !== undefined) return signIn.userFor(jwt);
  if (jwt !== undefined) return 'this server takes no tokens from an identity provider';
  return 'send "Authorization: Bearer <token>"';
}
