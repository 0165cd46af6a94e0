import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_PAGE_MAX_BYTES, feedPageSchema, type FeedPage } from '@/lib/content-model';
import { startServer, type RunningServer } from './main';
import { appDef, article, testBackends, tokenFor, type TempStore } from './test-fixtures';

/** A real server on 127.0.0.1 with a real database, driven over HTTP like the extension. */
describe.each(testBackends())('content server over HTTP on $name', (backend) => {
  let env: TempStore;
  let server: RunningServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    env = await backend.open(undefined, { listen: true });
    tokens.emea = await tokenFor(env.store, 'emea@example.com', 'learner', 'emea');
    tokens.noTeam = await tokenFor(env.store, 'solo@example.com', 'learner');
    tokens.author = await tokenFor(env.store, 'author@example.com', 'author');
    tokens.victim = await tokenFor(env.store, 'leaver@example.com', 'learner');
    server = await startServer(env.store, {
      host: '127.0.0.1',
      port: 0,
      log: () => {},
      authFailuresPerMinute: 8,
    });
  });
  afterAll(async () => {
    await server.close();
    await env.cleanup();
  });

  const call = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        ...(init.headers as Record<string, string>),
      },
    });

  /** Syncs like a client: pages until `more` is false, upserting items and applying tombstones. */
  async function sync(
    token: string,
    local: Map<string, unknown>,
    cursor = '',
    limit = 200,
  ): Promise<{ cursor: string; pages: FeedPage[] }> {
    const pages: FeedPage[] = [];
    for (;;) {
      const res = await call(
        `/v1/feed?limit=${limit}${cursor === '' ? '' : `&cursor=${cursor}`}`,
        token,
      );
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(FEED_PAGE_MAX_BYTES);
      const page = feedPageSchema.parse(JSON.parse(text));
      pages.push(page);
      for (const item of page.items) local.set((item as { id: string }).id, item);
      for (const t of page.deleted) if (t.kind === 'item') local.delete(t.id);
      cursor = page.cursor;
      if (!page.more) return { cursor, pages };
    }
  }

  it('returns only published items for everyone or the learner team, then tombstones on every kind of withdrawal', async () => {
    const { store } = env;
    await store.upsertApp(appDef('desk'));
    await store.upsertItem(article('everyone'), 'ops');
    await store.upsertItem(article('emea-only', { teams: ['emea'] }), 'ops');
    await store.upsertItem(article('apac-only', { teams: ['apac'] }), 'ops');
    await store.upsertItem(article('draft', { status: 'draft' }), 'ops');
    await store.upsertItem(article('to-archive'), 'ops');
    await store.upsertItem(article('to-unpublish'), 'ops');
    await store.upsertItem(article('to-delete'), 'ops');
    await store.upsertItem(article('to-move', { teams: ['emea'] }), 'ops');

    const emea = new Map<string, unknown>();
    const first = await sync(tokens.emea!, emea);
    expect([...emea.keys()].sort()).toEqual([
      'emea-only',
      'everyone',
      'to-archive',
      'to-delete',
      'to-move',
      'to-unpublish',
    ]);
    const solo = new Map<string, unknown>();
    await sync(tokens.noTeam!, solo);
    expect([...solo.keys()].sort()).toEqual([
      'everyone',
      'to-archive',
      'to-delete',
      'to-unpublish',
    ]);
    const author = new Map<string, unknown>();
    const authorSync = await sync(tokens.author!, author);
    expect(author.size).toBe(8);

    await store.upsertItem(article('to-archive', { status: 'archived', version: 2 }), 'ops');
    await store.upsertItem(article('to-unpublish', { status: 'draft', version: 2 }), 'ops');
    await store.deleteItem('to-delete');
    await store.upsertItem(article('to-move', { teams: ['apac'], version: 2 }), 'ops');
    const delta = await sync(tokens.emea!, emea, first.cursor);
    expect([...emea.keys()].sort()).toEqual(['emea-only', 'everyone']);
    expect(delta.pages[0]?.deleted.map((t) => t.id).sort()).toEqual([
      'to-archive',
      'to-delete',
      'to-move',
      'to-unpublish',
    ]);
    await sync(tokens.author!, author, authorSync.cursor);
    expect(author.has('to-delete')).toBe(false);
    expect(author.has('to-archive')).toBe(true);
  });

  it('returns 304 for an unchanged feed and 200 once something changes', async () => {
    const res = await call('/v1/feed', tokens.emea, { headers: { 'Accept-Encoding': 'gzip' } });
    const etag = res.headers.get('ETag')!;
    expect(
      (await call('/v1/feed', tokens.emea, { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);
    await env.store.upsertApp(appDef('crm'));
    expect(
      (await call('/v1/feed', tokens.emea, { headers: { 'If-None-Match': etag } })).status,
    ).toBe(200);
  });

  it('returns pages of at most limit rows and about 1 MB, which chain to the whole feed', async () => {
    for (let i = 0; i < 12; i++)
      await env.store.upsertItem(
        article(`big-${i}`, { body: `${i} `.padEnd(190_000, 'x') }),
        'ops',
      );
    const local = new Map<string, unknown>();
    const whole = await sync(tokens.author!, local);
    expect(whole.pages.length).toBeGreaterThanOrEqual(3);
    expect(local.size).toBe(19); // 8 earlier items, one deleted, plus 12 big ones
    const small = await sync(tokens.author!, new Map(), '', 3);
    expect(small.pages.every((p) => p.items.length + p.apps.length + p.deleted.length <= 3)).toBe(
      true,
    );
    expect(small.cursor).toBe(whole.cursor);
  });

  it('returns 410 for a cursor from another database or beyond the last change', async () => {
    for (const cursor of ['zzzzzzzz.3', `${env.store.epoch}.999999`]) {
      const res = await call(`/v1/feed?cursor=${cursor}`, tokens.author);
      expect(res.status).toBe(410);
      expect(await res.json()).toMatchObject({ error: 'cursor_expired' });
    }
  });

  it('returns 401 for a missing, invalid or just-revoked token', async () => {
    expect((await call('/v1/me')).status).toBe(401);
    expect((await call('/v1/me', 'wmk_invalid')).status).toBe(401);
    expect((await call('/v1/me', tokens.victim)).status).toBe(200);
    await env.store.revokeUser('leaver@example.com');
    const res = await call('/v1/me', tokens.victim);
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toContain('Bearer');
  });

  it('returns 404 JSON, 413 JSON, CORS only for extensions and a parseable OpenAPI document', async () => {
    const missing = await call('/v2/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    const big = await call('/v1/feed', tokens.author, {
      method: 'POST',
      body: 'x'.repeat(2_000_000),
    });
    expect(big.status).toBe(413);
    const ext = `chrome-extension://${'b'.repeat(32)}`;
    expect(
      (await call('/v1/me', tokens.author, { headers: { Origin: ext } })).headers.get(
        'Access-Control-Allow-Origin',
      ),
    ).toBe(ext);
    expect(
      (
        await call('/v1/me', tokens.author, { headers: { Origin: 'https://a.example' } })
      ).headers.get('Access-Control-Allow-Origin'),
    ).toBeNull();
    const doc = (await (await call('/v1/openapi.json')).json()) as {
      paths: object;
      servers: { url: string }[];
    };
    expect(Object.keys(doc.paths)).toContain('/v1/feed');
    expect(doc.servers[0]?.url).toBe(server.url);
  });

  it('returns 429 with Retry-After after repeated failures from one address', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 10; i++) res = await call('/v1/me', 'wmk_guess');
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});
