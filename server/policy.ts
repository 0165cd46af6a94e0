import type { MiddlewareHandler } from 'hono';
import type { Role } from '@/lib/content-model';
import { jsonError, type ServerEnv } from './http';

/** Who may call a route: anyone, any signed-in user, or only the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * The permission matrix: every route is declared here, keyed `METHOD path` exactly as registered.
 * A route missing from this table is refused for everyone (default deny), and the route × role
 * test fails for it, so a new route cannot ship without a decision.
 */
export const routePolicies: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /v1/openapi.json': 'public',
  'GET /v1/me': 'signed-in',
  'GET /v1/feed': 'signed-in',
};

/** The route a request matched (the last non-middleware handler), as `METHOD path`. */
function matchedRoute(c: Parameters<MiddlewareHandler<ServerEnv>>[0]): string | undefined {
  const route = c.req.matchedRoutes.filter((r) => r.method !== 'ALL').at(-1);
  return route === undefined ? undefined : `${route.method} ${route.path}`;
}

/** Looks up the matched route's policy; public routes need no user, the others need one. */
export function policyFor(key: string | undefined): Access | undefined {
  return key === undefined ? undefined : routePolicies[key];
}

/**
 * Enforces the matrix after authentication. Unknown routes fall through to the 404 handler; a
 * known route without a policy is 403 for everyone.
 */
export function enforcePolicy(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const key = matchedRoute(c);
    if (key === undefined) return next();
    const access = policyFor(key);
    if (access === undefined)
      return jsonError(c, 403, 'forbidden', `no access policy is declared for ${key}`);
    if (access === 'public' || access === 'signed-in') return next();
    const role = c.get('user').role;
    if (!access.includes(role))
      return jsonError(c, 403, 'forbidden', `${key} is not open to the ${role} role`);
    return next();
  };
}
