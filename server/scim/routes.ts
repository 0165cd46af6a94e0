import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { ServerEnv } from '../http';
import type { IdentityConfig } from '../identity/config';
import { groupAssigner } from '../identity/groups';
import type { Store } from '../store';
import { registerGroupRoutes } from './groups';
import { SCIM_JSON } from './handler';
import { registerUserRoutes } from './users';
import { ScimError } from './wire';

/** The SCIM bearer token, compared by its SHA-256 in constant time. */
function tokenMatches(header: string | undefined, sha256: string): boolean {
  const token = /^Bearer (\S{1,500})$/.exec(header ?? '')?.[1];
  if (token === undefined) return false;
  const given = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, Buffer.from(sha256, 'hex'));
}

/**
 * SCIM 2.0 provisioning at /scim/v2 (Users and Groups) behind its own bearer token: the identity
 * provider creates, changes and disables users, and its groups become teams and roles through
 * the config's mapping. Off (404) without a configured token.
 */
export function registerScimRoutes(app: Hono<ServerEnv>, store: Store, identity: IdentityConfig) {
  const sha256 = identity.scimTokenSha256;
  if (sha256 === undefined) return;
  const assign = groupAssigner(identity.groups);
  app.use('/scim/v2/*', async (c, next) => {
    if (!tokenMatches(c.req.header('Authorization'), sha256)) {
      const error = new ScimError(401, 'send the SCIM token as "Authorization: Bearer <token>"');
      return c.body(JSON.stringify(error.body()), 401, SCIM_JSON);
    }
    await next();
    return undefined;
  });
  registerUserRoutes({ app, store, assign });
  registerGroupRoutes({ app, store, assign });
}
