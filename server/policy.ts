import type { MiddlewareHandler } from 'hono';
import type { Role } from '@/lib/content-model';
import { jsonError, type ServerEnv } from './http';

/** Who may call a route: anyone, any signed-in user, or only the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** Everyone who writes content; reviewers and admins author too. */
const AUTHORS: readonly Role[] = ['author', 'reviewer', 'admin'];
/** Who decides what learners see. */
const REVIEWERS: readonly Role[] = ['reviewer', 'admin'];

/**
 * The permission matrix: every route is declared here, keyed `METHOD path` exactly as registered.
 * A route missing from this table is refused for everyone (default deny), and the route × role
 * test fails for it, so a new route cannot ship without a decision.
 */
export const routePolicies: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /v1/openapi.json': 'public',
  // The extension reads how to sign in (the identity provider's endpoints) before it has a token.
  'GET /v1/auth/config': 'public',
  'GET /v1/me': 'signed-in',
  'GET /v1/feed': 'signed-in',
  'GET /v1/content-settings': 'signed-in',
  // Learners read only live copies through this one (the handler 404s anything else).
  'GET /v1/items/:id': 'signed-in',
  'GET /v1/items': AUTHORS,
  'GET /v1/items/:id/versions': AUTHORS,
  // One item's trail (with review comments) for the people who write and review it; the whole
  // log stays admin-only.
  'GET /v1/items/:id/history': AUTHORS,
  'POST /v1/items': AUTHORS,
  'PUT /v1/items/:id': AUTHORS,
  'POST /v1/items/:id/submit': AUTHORS,
  'POST /v1/items/:id/approve': REVIEWERS,
  'POST /v1/items/:id/request-changes': REVIEWERS,
  'POST /v1/items/:id/archive': REVIEWERS,
  'POST /v1/items/:id/rollback': REVIEWERS,
  // Authors may call it, but the handler lets only the item's owner (or an admin) verify.
  'POST /v1/items/:id/verify': AUTHORS,
  // A reader confirms an announcement meant for them (the handler applies the audience rule);
  // how many of its audience did is for the people who write and review.
  'POST /v1/items/:id/acknowledge': 'signed-in',
  'GET /v1/items/:id/acknowledgements': AUTHORS,
  'GET /v1/verification': AUTHORS,
  // Any extension reports anchors that failed to resolve (counts only).
  'POST /v1/anchor-reports': 'signed-in',
  'GET /v1/audit': ['admin'],
  // Authors start items from templates; changing what every author starts from is an admin's call.
  'GET /v1/templates': AUTHORS,
  'PUT /v1/templates/:id': ['admin'],
  // Insights (docs/privacy.md). Every extension sends its events; each user reads their own
  // learning records and whether their team is held out.
  'POST /v1/events': 'signed-in',
  'GET /v1/me/learning': 'signed-in',
  'GET /v1/me/holdout': 'signed-in',
  // A learner's "Request content" goes to the authors (its words scrubbed, no user id).
  'POST /v1/content-requests': 'signed-in',
  // The insights views are for the people who write content; learners see none of them (their
  // own records are /v1/me/learning). Settings and the helpdesk join are the organisation's call.
  'GET /v1/insights/gaps': AUTHORS,
  'GET /v1/insights/content': AUTHORS,
  'GET /v1/insights/guidance': AUTHORS,
  'GET /v1/insights/learning': AUTHORS,
  'GET /v1/insights/teams': AUTHORS,
  'GET /v1/insights/impact': AUTHORS,
  'GET /v1/insights/screens/:app/:screen': AUTHORS,
  'GET /v1/insights/items/:id': AUTHORS,
  'PUT /v1/insights/gaps/:app/:screen': AUTHORS,
  'POST /v1/insights/gaps/:app/:screen/draft': AUTHORS,
  'GET /v1/insights/settings': ['admin'],
  'PUT /v1/insights/settings': ['admin'],
  'POST /v1/insights/helpdesk': ['admin'],
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
