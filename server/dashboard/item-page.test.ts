import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import {
  announcement,
  article,
  tempStore,
  testBackends,
  tokenFor,
  type TestBackend,
} from '../test-fixtures';

const HOST = 'content.example.test';

async function setup(backend: TestBackend) {
  const env = await tempStore(backend);
  const app = createApp(env.store, { log: false, sessionKey: 'k'.repeat(40) });
  const learner = await tokenFor(env.store, 'learner@example.com', 'learner', 'emea');
  const request = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    app.request(`http://${HOST}${path}`, { ...init, headers: { Host: HOST, ...headers } });
  /** Signs in from a shared item's page; answers the redirect and the session cookie. */
  const signIn = async (token: string, next: string) => {
    const response = await request(
      '/insights/sign-in',
      { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://${HOST}` },
      { method: 'POST', body: new URLSearchParams({ token, next }).toString() },
    );
    const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    return { response, cookie };
  };
  return { env, request, signIn, learner };
}

describe.each(testBackends())('the shared item page /i/:id on $name', (backend) => {
  it('tells a visitor without a session how to open it, with the extension’s button hidden', async () => {
    const { env, request } = await setup(backend);
    try {
      await env.store.upsertItem(article('refunds', { body: 'Secret steps.' }), 'ops');
      const res = await request('/i/refunds');
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('<div class="note share" data-waymark-share="refunds" hidden>');
      expect(html).toContain('href="/insights/sign-in?next=/i/refunds"');
      expect(html).not.toContain('Secret steps.');
    } finally {
      await env.cleanup();
    }
  });

  it('refreshes itself once when a link from another site arrives without the Strict cookie', async () => {
    const { env, request } = await setup(backend);
    try {
      const html = await (await request('/i/refunds', { 'Sec-Fetch-Site': 'cross-site' })).text();
      expect(html).toContain('<meta http-equiv="refresh" content="0;url=/i/refunds?again=1">');
      const again = await request('/i/refunds?again=1', { 'Sec-Fetch-Site': 'cross-site' });
      expect(await again.text()).not.toContain('http-equiv="refresh"');
    } finally {
      await env.cleanup();
    }
  });

  it('signs a learner in through the dashboard’s session and shows the item rendered safely', async () => {
    const { env, request, signIn, learner } = await setup(backend);
    try {
      const body =
        '## Steps\n\n1. Open the order\n\n<script>alert(1)</script> [x](javascript:alert(1))';
      await env.store.upsertItem(article('refunds', { body }), 'ops');
      const { response, cookie } = await signIn(learner, '/i/refunds');
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/i/refunds');
      const html = await (await request('/i/refunds', { Cookie: cookie })).text();
      expect(html).toContain('<h1>Article refunds</h1>');
      expect(html).toContain('<h3>Steps</h3>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('href="javascript:');
    } finally {
      await env.cleanup();
    }
  });

  it('shows a learner nothing of an item for another team or a draft', async () => {
    const { env, request, signIn, learner } = await setup(backend);
    try {
      await env.store.upsertItem(announcement('apac-news', { teams: ['apac'] }), 'ops');
      await env.store.upsertItem(article('draft-one', { status: 'draft' }), 'ops');
      const { cookie } = await signIn(learner, '/i/apac-news');
      for (const id of ['apac-news', 'draft-one']) {
        const res = await request(`/i/${id}`, { Cookie: cookie });
        expect(res.status).toBe(404);
        const html = await res.text();
        expect(html).toContain('Not available to you');
        expect(html).not.toContain('second approver');
      }
    } finally {
      await env.cleanup();
    }
  });

  it('keeps only a shared item path as where to go after signing in', async () => {
    const { env, signIn, learner } = await setup(backend);
    try {
      const { response } = await signIn(learner, 'https://evil.example/i/x');
      // Not a shared item: the insights sign-in, which a learner may not use.
      expect(response.status).toBe(403);
      expect(response.headers.get('Location')).toBeNull();
    } finally {
      await env.cleanup();
    }
  });

  it('answers 404 for a link that is not an item id', async () => {
    const { env, request } = await setup(backend);
    try {
      const res = await request('/i/..%2Fv1%2Fme');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('This link is not a Waymark item link.');
    } finally {
      await env.cleanup();
    }
  });
});
