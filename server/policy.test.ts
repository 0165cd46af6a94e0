import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '@/lib/content-model';
import { createApp } from './app';
import type { ServerEnv } from './http';
import { signInThrough, startTestProvider } from './identity/test-provider';
import { enforcePolicy, routePolicies } from './policy';
import { tempStore, tokenFor } from './test-fixtures';

/** Every registered route (middleware excluded), as `METHOD path`. */
function registeredRoutes(app: ReturnType<typeof createApp>): string[] {
  return [
    ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ].sort();
}

describe('route policies', () => {
  it('declares a policy for every registered route and none for a route that does not exist', async () => {
    const env = await tempStore();
    try {
      const routes = registeredRoutes(createApp(env.store));
      expect(routes.filter((route) => routePolicies[route] === undefined)).toEqual([]);
      expect(Object.keys(routePolicies).filter((key) => !routes.includes(key))).toEqual([]);
    } finally {
      await env.cleanup();
    }
  });

  it('refuses a route that has no declared policy, even to an admin (default deny)', async () => {
    const env = await tempStore();
    try {
      const app = createApp(env.store, { log: () => {} });
      app.get('/v1/undeclared', (c) => c.text('should never be reached'));
      const response = await app.request('/v1/undeclared', {
        headers: { Authorization: `Bearer ${await tokenFor(env.store, 'a@example.com', 'admin')}` },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'forbidden',
        message: 'no access policy is declared for GET /v1/undeclared',
      });
    } finally {
      await env.cleanup();
    }
  });

  it('answers every route for every role (and for no token) exactly as the matrix says', async () => {
    const env = await tempStore();
    const provider = await startTestProvider([]);
    try {
      // With an identity provider, so the public GET /v1/auth/config has something to answer.
      const app = createApp(env.store, {
        log: () => {},
        authFailuresPerMinute: 1_000,
        identity: signInThrough(provider),
      });
      const tokens: Record<string, string> = {};
      for (const role of roles)
        tokens[role] = await tokenFor(env.store, `${role}@example.com`, role);
      for (const route of registeredRoutes(app)) {
        const [method, path] = route.split(' ') as [string, string];
        const access = routePolicies[route]!;
        const anonymous = await app.request(path, { method });
        expect(anonymous.status, `${route} without a token`).toBe(access === 'public' ? 200 : 401);
        for (const role of roles) {
          const response = await app.request(path, {
            method,
            headers: { Authorization: `Bearer ${tokens[role]}` },
          });
          const allowed = access === 'public' || access === 'signed-in' || access.includes(role);
          if (!allowed) expect(response.status, `${route} as ${role}`).toBe(403);
          // A plain GET succeeds; a write without a body, or a route whose `:id` names no item,
          // is answered by its handler (400/404/409) — what matters is that the policy let it by.
          else if (method === 'GET' && !path.includes(':'))
            expect(response.status, `${route} as ${role}`).toBe(200);
          else expect([400, 404, 409], `${route} as ${role}`).toContain(response.status);
        }
      }
    } finally {
      await env.cleanup();
      await provider.close();
    }
  });

  /** GET `path` as a fresh user of `role` on a fresh app: status and JSON body. */
  async function getAs(role: Role, path: string) {
    const env = await tempStore();
    try {
      const app = createApp(env.store, { log: () => {} });
      const token = await tokenFor(env.store, `${role}@example.com`, role);
      const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as unknown };
    } finally {
      await env.cleanup();
    }
  }

  it('names the route and the role when it refuses one', async () => {
    expect(await getAs('author', '/v1/audit')).toEqual({
      status: 403,
      body: { error: 'forbidden', message: 'GET /v1/audit is not open to the author role' },
    });
  });

  it('leaves a path no route matches to the 404 handler, not to a refusal', async () => {
    expect(await getAs('admin', '/v1/no-such-route')).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'no route GET /v1/no-such-route' },
    });
  });

  it('keeps a public route open to every role even when it sits behind the policy middleware', async () => {
    // createApp answers public routes before authentication; this pins the policy's own rule.
    for (const role of roles) {
      const app = new Hono<ServerEnv>();
      app.use(async (c, next) => {
        c.set('user', { email: `${role}@example.com`, role, team: undefined });
        await next();
      });
      app.use(enforcePolicy());
      app.get('/v1/openapi.json', (c) => c.text('open'));
      const response = await app.request('/v1/openapi.json');
      expect(response.status, role).toBe(200);
    }
  });
});
