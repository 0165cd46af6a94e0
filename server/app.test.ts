import { describe, expect, it } from 'vitest';
import { meSchema } from '@/lib/content-model';
import { createApp } from './app';
import { routePolicies } from './policy';
import { withTestApp } from './test-app';
import { testBackends } from './test-fixtures';

describe.each(testBackends())('on $name', (backend) => {
  const { t, get } = withTestApp(backend);

  describe('GET /healthz', () => {
    it('returns ok without a token', async () => {
      const res = await get('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    });
  });

  describe('GET /readyz', () => {
    it('answers 200 with the backend and schema when the store is ready', async () => {
      const res = await get('/readyz');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { schema: { current: number; latest: number } };
      expect(body).toMatchObject({ ok: true, backend: backend.name, draining: false });
      expect(body.schema.current).toBe(body.schema.latest);
    });

    it('answers 503 while the server drains, and asks clients to close their connections', async () => {
      const lifecycle = { draining: true };
      const app = createApp(t.env.store, { log: () => undefined, lifecycle });
      const res = await app.request('/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, draining: true });
      expect(res.headers.get('Connection')).toBe('close');
      expect((await app.request('/healthz')).status).toBe(200);
    });
  });

  describe('GET /v1/me', () => {
    it('returns the caller when the token is valid', async () => {
      const res = await get('/v1/me', t.learner);
      expect(meSchema.parse(await res.json())).toEqual({
        service: 'waymark',
        email: 'learner@example.com',
        role: 'learner',
        team: 'emea',
      });
    });

    it.each([
      ['no header', undefined],
      ['an unknown token', 'wmk_nope'],
      ['a token without the prefix', 'abc'],
    ])('returns 401 with WWW-Authenticate when there is %s', async (_what, token) => {
      const res = await get('/v1/me', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    });

    it('returns 401 at once when the token was revoked', async () => {
      expect((await get('/v1/me', t.learner)).status).toBe(200);
      await t.env.store.revokeUser('learner@example.com');
      expect((await get('/v1/me', t.learner)).status).toBe(401);
    });

    it('returns 429 with Retry-After when one address keeps failing, even with a good token', async () => {
      for (let i = 0; i < 5; i++) expect((await get('/v1/me', 'wmk_bad')).status).toBe(401);
      const res = await get('/v1/me', t.admin);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    });
  });

  describe('GET /v1/openapi.json', () => {
    it('returns an OpenAPI 3.1 document listing every route and the bearer scheme', async () => {
      const doc = (await (await get('/v1/openapi.json')).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
        components: {
          securitySchemes: Record<string, { scheme: string }>;
          schemas: Record<string, unknown>;
        };
      };
      expect(doc.openapi).toBe('3.1.0');
      // Every route in the permission matrix is documented, in OpenAPI's `{param}` spelling.
      const routes = Object.keys(routePolicies).map((key) =>
        key.split(' ')[1]!.replace(/:(\w+)/g, '{$1}'),
      );
      expect(Object.keys(doc.paths).sort()).toEqual([...new Set(routes)].sort());
      expect(doc.components.securitySchemes.bearer?.scheme).toBe('bearer');
      expect(Object.keys(doc.components.schemas).sort()).toEqual([
        'AnchorReports',
        'AppDefinition',
        'AuditEntry',
        'Conflict',
        'ContentRequests',
        'ContentRequestsResponse',
        'ContentSettings',
        'ContentView',
        'Error',
        'EventsRequest',
        'EventsResponse',
        'FeedPage',
        'GapDraftBody',
        'GapState',
        'GapStateBody',
        'GapsView',
        'GuidanceView',
        'HelpdeskImport',
        'HoldoutStatus',
        'ImpactView',
        'InsightSettings',
        'Item',
        'ItemView',
        'LearningView',
        'Me',
        'MyLearning',
        'ScreenView',
        'SettingsChange',
        'TeamsView',
        'Template',
        'TransitionBody',
      ]);
    });
  });

  describe('errors', () => {
    it('returns 404 JSON when the route is unknown', async () => {
      const res = await get('/nope');
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found' });
    });

    it('returns 413 JSON when the body is over the limit', async () => {
      const res = await t.app.request('/v1/feed', {
        method: 'POST',
        body: 'x'.repeat(1024 * 1024 + 1),
        headers: { 'Content-Length': String(1024 * 1024 + 1), Authorization: `Bearer ${t.admin}` },
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
    });

    it('returns 500 JSON without a stack and logs the stack when a handler throws', async () => {
      await t.env.store.close();
      const res = await get('/v1/feed', t.admin);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: 'internal', message: 'internal server error' });
      expect(text).not.toMatch(/at |\.ts/);
      expect(t.errors[0]?.stack).toBeDefined();
    });
  });

  describe('request log', () => {
    it('writes one JSON line per request with the user and never the token', async () => {
      await get('/v1/feed?cursor=&limit=5', t.admin);
      expect(t.logs).toHaveLength(1);
      const line = JSON.parse(t.logs[0] ?? '') as Record<string, unknown>;
      expect(line).toMatchObject({
        method: 'GET',
        path: '/v1/feed',
        status: 200,
        user: 'admin@example.com',
      });
      expect(t.logs[0]).not.toContain(t.admin);
      expect(t.logs[0]).not.toContain('limit');
    });
  });

  describe('CORS', () => {
    const chrome = `chrome-extension://${'a'.repeat(32)}`;

    it('echoes an extension origin and exposes ETag', async () => {
      const res = await get('/v1/me', t.admin, { Origin: chrome });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(chrome);
      expect(res.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
    });

    it('answers a preflight from an extension origin', async () => {
      const res = await t.app.request('/v1/feed', {
        method: 'OPTIONS',
        headers: {
          Origin: 'moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
          'Access-Control-Request-Method': 'GET',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('Access-Control-Allow-Headers')).toBe(
        'Authorization, Content-Type, If-Match, If-None-Match',
      );
    });

    it('lets the extension write (authoring): POST and PUT with JSON and If-Match', async () => {
      const res = await t.app.request('/v1/items/x', {
        method: 'OPTIONS',
        headers: {
          Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization, content-type, if-match',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, PUT, OPTIONS');
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      );
    });

    it('returns no CORS headers when the origin is a web page', async () => {
      const res = await get('/v1/me', t.admin, { Origin: 'https://evil.example' });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    });
  });
});
