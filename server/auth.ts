import type { MiddlewareHandler } from 'hono';
import { clientAddress, jsonError, type ServerEnv } from './http';
import { FailureLimiter } from './rate-limit';
import type { Store } from './store';

/**
 * Bearer-token auth. The store answers who a token belongs to: SQLite reads it on every request,
 * PostgreSQL caches it and evicts on NOTIFY, so revoking a user takes effect on their next
 * request, on every instance. Repeated failures from one address
 * are answered 429 until the window passes, even with a good token, to make guessing expensive.
 */
export function bearerAuth(
  store: Store,
  maxFailuresPerMinute: number,
): MiddlewareHandler<ServerEnv> {
  const limiter = new FailureLimiter(maxFailuresPerMinute);
  return async (c, next) => {
    const address = clientAddress(c);
    const wait = limiter.retryAfter(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'rate_limited', `too many failed sign-ins; retry in ${wait} s`);
    }
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(c.req.header('Authorization') ?? '');
    const user = match?.[1] === undefined ? undefined : await store.userForToken(match[1]);
    if (user === undefined) {
      limiter.fail(address);
      c.header('WWW-Authenticate', 'Bearer realm="waymark"');
      return jsonError(
        c,
        401,
        'unauthorized',
        match === null
          ? 'send "Authorization: Bearer <token>"'
          : 'the token is unknown or has been revoked',
      );
    }
    c.set('user', user);
    await next();
    return undefined;
  };
}
