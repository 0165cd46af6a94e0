import { describe, expect, it } from 'vitest';
import { FakeFeed } from './fake-feed';
import { testConnection } from './test-connection';
import type { Fetch } from './types';

const baseUrl = 'https://feed.example.com';

describe('testConnection', () => {
  it('returns ok with the role and team when the token is accepted', async () => {
    const feed = new FakeFeed();
    expect(await testConnection({ baseUrl, token: 'secret', fetch: feed.fetch })).toEqual({
      ok: true,
      email: 'ana@example.com',
      role: 'learner',
      team: 'support',
      message: 'Connected as ana@example.com (learner, team support)',
    });
  });

  it('returns unauthorized when the server rejects the token', async () => {
    const feed = new FakeFeed();
    expect(await testConnection({ baseUrl, token: 'nope', fetch: feed.fetch })).toMatchObject({
      ok: false,
      problem: 'unauthorized',
      message: 'Your sign-in token was rejected — sign in again',
    });
  });

  it('returns unreachable when even a no-cors probe fails', async () => {
    const down: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await testConnection({ baseUrl, token: 't', fetch: down })).toMatchObject({
      problem: 'unreachable',
    });
  });

  it('returns cors-blocked when the API call fails but the no-cors probe gets an answer', async () => {
    const corsOnly: Fetch = (_url, init) =>
      init?.mode === 'no-cors'
        ? Promise.resolve(new Response(null, { status: 200 }))
        : Promise.reject(new TypeError('Failed to fetch'));
    expect(await testConnection({ baseUrl, token: 't', fetch: corsOnly })).toMatchObject({
      problem: 'cors-blocked',
    });
  });

  it('returns not-waymark when /v1/me answers another service', async () => {
    const feed = new FakeFeed();
    feed.me = { service: 'other', email: 'a@b.c', role: 'learner', team: null };
    expect(await testConnection({ baseUrl, token: 'secret', fetch: feed.fetch })).toMatchObject({
      problem: 'not-waymark',
    });
  });

  it('returns not-waymark naming a captive portal when the answer is HTML', async () => {
    const portal: Fetch = () =>
      Promise.resolve(
        new Response('<html>Log in</html>', { headers: { 'content-type': 'text/html' } }),
      );
    const result = await testConnection({ baseUrl, token: 't', fetch: portal });
    expect(result).toMatchObject({ problem: 'not-waymark' });
    expect(result.message).toContain('captive portal');
  });

  it('returns not-waymark when /v1/me does not exist', async () => {
    const missing: Fetch = () => Promise.resolve(new Response('nope', { status: 404 }));
    expect(await testConnection({ baseUrl, token: 't', fetch: missing })).toMatchObject({
      problem: 'not-waymark',
    });
  });

  it('returns server-error when the server fails', async () => {
    const failing: Fetch = () => Promise.resolve(new Response('', { status: 502 }));
    expect(await testConnection({ baseUrl, token: 't', fetch: failing })).toMatchObject({
      problem: 'server-error',
    });
  });
});
