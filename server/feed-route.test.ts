import { beforeEach, describe, expect, it } from 'vitest';
import { feedPageSchema, type FeedPage } from '@/lib/content-model';
import { withTestApp } from './test-app';
import { appDef, article, testBackends, tokenFor } from './test-fixtures';

describe.each(testBackends())('on $name', (backend) => {
  const { t, get } = withTestApp(backend);

  async function feed(token: string, query = ''): Promise<FeedPage> {
    const res = await get(`/v1/feed${query}`, token);
    expect(res.status).toBe(200);
    return feedPageSchema.parse(await res.json());
  }

  describe('GET /v1/feed', () => {
    beforeEach(async () => {
      await t.env.store.upsertApp(appDef('desk'));
      await t.env.store.upsertItem(article('for-all'), 'ops');
      await t.env.store.upsertItem(article('a-draft', { status: 'draft' }), 'ops');
      await t.env.store.upsertItem(article('for-emea', { teams: ['emea'] }), 'ops');
      await t.env.store.upsertItem(article('for-apac', { teams: ['apac'] }), 'ops');
    });

    it('returns published items for everyone and the learner team, and no tombstone for what the learner never could see', async () => {
      const page = await feed(t.learner);
      expect(page.items.map((i) => (i as { id: string }).id)).toEqual(['for-all', 'for-emea']);
      expect(page.apps).toHaveLength(1);
      expect(page.deleted).toEqual([]);
      expect(page.more).toBe(false);
      expect(page.cursor).toBe(`${t.env.store.epoch}.5`);
    });

    it('returns every status and team when the caller is an admin', async () => {
      const page = await feed(t.admin);
      expect(page.items).toHaveLength(4);
      expect(page.deleted).toEqual([]);
    });

    it('returns the next rows after a cursor and more while rows remain', async () => {
      const first = await feed(t.admin, '?limit=2');
      expect(first.more).toBe(true);
      expect(first.apps.length + first.items.length).toBe(2);
      const second = await feed(t.admin, `?limit=2&cursor=${first.cursor}`);
      expect(second.items.map((i) => (i as { id: string }).id)).toEqual(['a-draft', 'for-emea']);
      const third = await feed(t.admin, `?cursor=${second.cursor}`);
      expect(third).toMatchObject({ items: [{ id: 'for-apac' }], more: false });
      const after = await feed(t.admin, `?cursor=${third.cursor}`);
      expect(after).toEqual({
        items: [],
        apps: [],
        deleted: [],
        more: false,
        cursor: third.cursor,
      });
    });

    it.each(['0', '1001', 'ten', '-1', '2.5'])(
      'returns 400 naming limit when limit is %s',
      async (limit) => {
        const res = await get(`/v1/feed?limit=${limit}`, t.admin);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          error: 'bad_request',
          message: expect.stringMatching(/^limit/) as string,
        });
      },
    );

    it.each([
      ['another database', 'AAAAAAAA.1'],
      ['garbage', 'not a cursor'],
      ['a future sequence', 'EPOCH.99'],
    ])('returns 410 cursor_expired when the cursor is from %s', async (_what, raw) => {
      const cursor = raw.replace('EPOCH', t.env.store.epoch);
      const res = await get(`/v1/feed?cursor=${encodeURIComponent(cursor)}`, t.admin);
      expect(res.status).toBe(410);
      expect(await res.json()).toMatchObject({ error: 'cursor_expired' });
    });

    it('returns 304 when If-None-Match holds the ETag and 200 after a change', async () => {
      const first = await get('/v1/feed', t.learner);
      const etag = first.headers.get('ETag') ?? '';
      expect(etag).toMatch(/^(W\/)?"[\w-]+"$/);
      expect(first.headers.get('Cache-Control')).toBe('private, no-cache');
      expect(first.headers.get('Vary')).toMatch(/Authorization, Accept-Encoding/);
      const again = await get('/v1/feed', t.learner, { 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      await t.env.store.upsertItem(article('newer'), 'ops');
      expect((await get('/v1/feed', t.learner, { 'If-None-Match': etag })).status).toBe(200);
    });

    it('answers an idle sync with one 304: the last page carries the tag of the next request', async () => {
      for (let i = 0; i < 3; i++) await t.env.store.upsertItem(article(`paged-${i}`), 'ops');
      let cursor = '';
      let etag = '';
      for (let more = true; more;) {
        const res = await get(
          `/v1/feed?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          t.admin,
        );
        const body = (await res.json()) as { cursor: string; more: boolean };
        [cursor, more, etag] = [body.cursor, body.more, res.headers.get('ETag') ?? ''];
      }
      const idle = await get(`/v1/feed?limit=1&cursor=${encodeURIComponent(cursor)}`, t.admin, {
        'If-None-Match': etag,
      });
      expect(idle.status).toBe(304);
      await t.env.store.upsertItem(article('after-idle'), 'ops');
      expect(
        (
          await get(`/v1/feed?limit=1&cursor=${encodeURIComponent(cursor)}`, t.admin, {
            'If-None-Match': etag,
          })
        ).status,
      ).toBe(200);
    });

    it('returns a different ETag when the caller team differs', async () => {
      const other = await tokenFor(t.env.store, 'apac@example.com', 'learner', 'apac');
      const a = (await get('/v1/feed', t.learner)).headers.get('ETag');
      const b = (await get('/v1/feed', other)).headers.get('ETag');
      expect(a).not.toBe(b);
    });

    it('returns a compressed body when the client accepts br or gzip', async () => {
      for (let i = 0; i < 20; i++) await t.env.store.upsertItem(article(`bulk-${i}`), 'ops');
      for (const encoding of ['br', 'gzip']) {
        const res = await get('/v1/feed', t.admin, { 'Accept-Encoding': encoding });
        expect(res.headers.get('Content-Encoding')).toBe(encoding);
        expect(res.headers.get('ETag')).toMatch(/^W\//);
      }
    });
  });
});
