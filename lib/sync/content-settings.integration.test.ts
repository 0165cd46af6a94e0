import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSearchIndex, getSetting, putSearchIndex } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { startServer, type RunningServer } from '@/server/main';
import { tempStore, tokenFor } from '@/server/test-fixtures';
import { refreshContentSettings } from './content-settings';
import type { Fetch } from './types';

/** The extension reading the organisation's default content language from a real server. */
let env: Awaited<ReturnType<typeof tempStore>>;
let server: RunningServer;
let token: string;
const fetch: Fetch = (input, init) => globalThis.fetch(input, init);

beforeAll(async () => {
  env = await tempStore();
  token = await tokenFor(env.store, 'learner@example.com', 'learner', 'emea');
  server = await startServer(env.store, {
    host: '127.0.0.1',
    port: 0,
    log: () => {},
    defaultLocale: 'de',
  });
});
afterAll(async () => {
  await server.close();
  await env.cleanup();
});

describe('refreshContentSettings against the real server', () => {
  it('stores the default language and drops the index built for the old one', async () => {
    const db = testDatabase();
    await putSearchIndex(db, { contentVersion: 1, data: '{}' });
    expect(await refreshContentSettings(db, { baseUrl: server.url, token, fetch })).toBe(true);
    expect(await getSetting(db, 'contentDefaultLocale')).toBe('de');
    expect(await getSearchIndex(db)).toBeUndefined();
    // The same answer again changes nothing and keeps a new index.
    await putSearchIndex(db, { contentVersion: 2, data: '{}' });
    expect(await refreshContentSettings(db, { baseUrl: server.url, token, fetch })).toBe(false);
    expect(await getSearchIndex(db)).toBeDefined();
  });

  it('refuses without a token and keeps the stored default', async () => {
    const db = testDatabase();
    await expect(
      refreshContentSettings(db, { baseUrl: server.url, token: 'wrong', fetch }),
    ).rejects.toThrow(/\/v1\/content-settings answered HTTP 401/);
    expect(await getSetting(db, 'contentDefaultLocale')).toBe('en');
  });

  it('keeps the default when a server predates the route (404)', async () => {
    const db = testDatabase();
    const old: Fetch = () => Promise.resolve(new Response('not found', { status: 404 }));
    expect(await refreshContentSettings(db, { baseUrl: server.url, token, fetch: old })).toBe(
      false,
    );
    expect(await getSetting(db, 'contentDefaultLocale')).toBe('en');
  });
});
