import { beforeEach, describe, expect, it } from 'vitest';
import { feedPageSchema, type Item } from '@/lib/content-model';
import { withTestApp } from './test-app';
import { article, testBackends, tokenFor } from './test-fixtures';

describe.each(testBackends())('on $name', (backend) => {
  const { t, get, send } = withTestApp(backend);
  const tokens = {} as Record<'author' | 'author2' | 'reviewer' | 'reviewer2', string>;
  beforeEach(async () => {
    for (const name of ['author', 'author2', 'reviewer', 'reviewer2'] as const)
      tokens[name] = await tokenFor(
        t.env.store,
        `${name}@example.com`,
        name.startsWith('author') ? 'author' : 'reviewer',
      );
  });

  /** A new draft as the client writes it: the server owns status, version and updated_at. */
  /** `value` without `keys` (the fields the server owns, when comparing or sending). */
  function omit<T extends object>(value: T, keys: string[]): Partial<T> {
    return Object.fromEntries(
      Object.entries(value).filter(([k]) => !keys.includes(k)),
    ) as Partial<T>;
  }

  /** A new draft as the client writes it: the server owns status, version and updated_at. */
  const draft = (id: string, body = `How to ${id}.`) =>
    omit(article(id, { body }), ['status', 'version', 'updated_at', 'owner', 'verify_by']);

  async function ok(response: Response | Promise<Response>, status = 200): Promise<Item> {
    const res = await response;
    const json = (await res.json()) as Item;
    expect(res.status, JSON.stringify(json)).toBe(status);
    return json;
  }

  /** Author creates and submits, reviewer approves: a published item at version 3. */
  async function publish(id: string, body?: string): Promise<Item> {
    await ok(send('POST', '/v1/items', tokens.author, draft(id, body)), 201);
    await ok(send('POST', `/v1/items/${id}/submit`, tokens.author));
    return ok(send('POST', `/v1/items/${id}/approve`, tokens.reviewer));
  }

  async function learnerFeed(cursor = '') {
    const res = await get(`/v1/feed${cursor === '' ? '' : `?cursor=${cursor}`}`, t.learner);
    return feedPageSchema.parse(await res.json());
  }

  describe('the review workflow', () => {
    it('takes an item from draft through review to published, with a version and audit row per step', async () => {
      const created = await ok(send('POST', '/v1/items', tokens.author, draft('refunds')), 201);
      expect(created).toMatchObject({ status: 'draft', version: 1, owner: 'author@example.com' });
      expect((await get('/v1/items/refunds', t.learner)).status).toBe(404);
      const submitted = await ok(
        send('POST', '/v1/items/refunds/submit', tokens.author, { version: 1 }),
      );
      expect(submitted).toMatchObject({ status: 'in_review', version: 2 });
      const res = await send('POST', '/v1/items/refunds/approve', tokens.reviewer, undefined, {
        'If-Match': '"2"',
      });
      expect(res.headers.get('ETag')).toBe('"3"');
      expect(await res.json()).toMatchObject({
        status: 'published',
        version: 3,
        verify_by: '2026-09-13', // TEST_NOW (2026-06-15) + 90 days
      });
      expect(await ok(get('/v1/items/refunds', t.learner))).toMatchObject({ version: 3 });
      expect((await learnerFeed()).items).toMatchObject([{ id: 'refunds', version: 3 }]);
      const versions = (await (await get('/v1/items/refunds/versions', tokens.author)).json()) as {
        versions: { version: number; status: string; author: string }[];
      };
      expect(versions.versions.map((v) => [v.version, v.status, v.author])).toEqual([
        [1, 'draft', 'author@example.com'],
        [2, 'in_review', 'author@example.com'],
        [3, 'published', 'reviewer@example.com'],
      ]);
      const audit = (await (await get('/v1/audit?item=refunds', t.admin)).json()) as {
        entries: { action: string; actor: string; version: number }[];
      };
      expect(audit.entries.map((e) => [e.action, e.actor, e.version]).reverse()).toEqual([
        ['create', 'author@example.com', 1],
        ['submit', 'author@example.com', 2],
        ['approve', 'reviewer@example.com', 3],
        ['publish', 'reviewer@example.com', 3],
      ]);
    });

    it('refuses approval by the last editor, and accepts it from another reviewer', async () => {
      await ok(send('POST', '/v1/items', tokens.reviewer, draft('own')), 201);
      await ok(send('POST', '/v1/items/own/submit', tokens.reviewer));
      const res = await send('POST', '/v1/items/own/approve', tokens.reviewer);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: 'forbidden',
        message: 'you made the last change to "own"; another reviewer must approve it',
      });
      await ok(send('POST', '/v1/items/own/approve', tokens.reviewer2));
    });

    it('answers 409 with the current version to a stale edit, so no change is lost', async () => {
      await ok(send('POST', '/v1/items', tokens.author, draft('doc')), 201);
      await ok(
        send('PUT', '/v1/items/doc', tokens.author, { ...draft('doc', 'First.'), version: 1 }),
      );
      const stale = await send('PUT', '/v1/items/doc', tokens.author2, draft('doc', 'Second.'), {
        'If-Match': '1',
      });
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({ error: 'conflict', current_version: 2 });
      expect((await ok(get('/v1/items/doc', tokens.author))).body).toBe('First.');
      const unversioned = await send('PUT', '/v1/items/doc', tokens.author, draft('doc', 'Third.'));
      expect(unversioned.status).toBe(400);
      expect(((await unversioned.json()) as { message: string }).message).toMatch(/^version:/);
    });

    it('requires a comment to request changes, and sends the item back to draft with it', async () => {
      await ok(send('POST', '/v1/items', tokens.author, draft('doc')), 201);
      await ok(send('POST', '/v1/items/doc/submit', tokens.author));
      const bare = await send('POST', '/v1/items/doc/request-changes', tokens.reviewer, {});
      expect(bare.status).toBe(400);
      expect(((await bare.json()) as { message: string }).message).toMatch(/^comment:/);
      const back = await ok(
        send('POST', '/v1/items/doc/request-changes', tokens.reviewer, {
          comment: 'Add the refund limit.',
        }),
      );
      expect(back).toMatchObject({ status: 'draft', version: 3 });
      const audit = (await (await get('/v1/audit?action=request_changes', t.admin)).json()) as {
        entries: { comment: string }[];
      };
      expect(audit.entries.map((e) => e.comment)).toEqual(['Add the refund limit.']);
    });

    it('refuses a transition the status does not allow with 409', async () => {
      await ok(send('POST', '/v1/items', tokens.author, draft('doc')), 201);
      const res = await send('POST', '/v1/items/doc/approve', tokens.reviewer);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: 'conflict', current_version: 1 });
    });

    it('keeps the published copy live while an edit of it is a draft, until the edit is approved', async () => {
      await publish('doc', 'Old text.');
      await ok(
        send('PUT', '/v1/items/doc', tokens.author, { ...draft('doc', 'New text.'), version: 3 }),
      );
      expect((await ok(get('/v1/items/doc', tokens.author))).status).toBe('draft');
      expect((await ok(get('/v1/items/doc', t.learner))).body).toBe('Old text.');
      expect((await learnerFeed()).items).toMatchObject([{ body: 'Old text.', version: 3 }]);
      await ok(send('POST', '/v1/items/doc/submit', tokens.author));
      await ok(send('POST', '/v1/items/doc/approve', tokens.reviewer));
      expect((await ok(get('/v1/items/doc', t.learner))).body).toBe('New text.');
    });

    it('rolls back to a published version as a new published version with the same content', async () => {
      const v3 = await publish('doc', 'Good text.');
      await ok(
        send('PUT', '/v1/items/doc', tokens.author, { ...draft('doc', 'Bad text.'), version: 3 }),
      );
      await ok(send('POST', '/v1/items/doc/submit', tokens.author));
      await ok(send('POST', '/v1/items/doc/approve', tokens.reviewer));
      const rolled = await ok(
        send('POST', '/v1/items/doc/rollback', tokens.reviewer, { version: 3 }),
      );
      expect(omit(rolled, ['version', 'updated_at'])).toEqual(omit(v3, ['version', 'updated_at']));
      expect(rolled.version).toBe(7);
      expect((await ok(get('/v1/items/doc', t.learner))).body).toBe('Good text.');
      const unreviewed = await send('POST', '/v1/items/doc/rollback', tokens.reviewer, {
        version: 1,
      });
      expect(unreviewed.status).toBe(400);
      expect(
        (await send('POST', '/v1/items/doc/rollback', tokens.author, { version: 3 })).status,
      ).toBe(403);
    });

    it('lets only the owner or an admin verify, pushing verify_by 90 days out', async () => {
      await publish('doc');
      expect((await send('POST', '/v1/items/doc/verify', tokens.author2)).status).toBe(403);
      expect((await send('POST', '/v1/items/doc/verify', tokens.reviewer)).status).toBe(403);
      expect(await ok(send('POST', '/v1/items/doc/verify', tokens.author))).toMatchObject({
        verify_by: '2026-09-13', // TEST_NOW (2026-06-15) + 90 days
        version: 4,
      });
      await ok(send('POST', '/v1/items/doc/verify', t.admin));
      await ok(send('POST', '/v1/items/doc/archive', tokens.reviewer));
      expect((await send('POST', '/v1/items/doc/verify', tokens.author)).status).toBe(409);
    });

    it("sets verify_by on approve to today + the item's verify_days when it has no date", async () => {
      await ok(
        send('POST', '/v1/items', tokens.author, { ...draft('monthly'), verify_days: 30 }),
        201,
      );
      await ok(send('POST', '/v1/items/monthly/submit', tokens.author));
      expect(await ok(send('POST', '/v1/items/monthly/approve', tokens.reviewer))).toMatchObject({
        verify_by: '2026-07-15', // TEST_NOW + 30 days
        verify_days: 30,
      });
    });

    it('gives an approved edit of an overdue item a full period again', async () => {
      const overdue = { ...draft('stale'), verify_days: 60, verify_by: '2020-01-01' };
      await ok(send('POST', '/v1/items', tokens.author, overdue), 201);
      await ok(send('POST', '/v1/items/stale/submit', tokens.author));
      expect(await ok(send('POST', '/v1/items/stale/approve', tokens.reviewer))).toMatchObject({
        verify_by: '2026-08-14', // TEST_NOW + 60 days
      });
    });

    it("pushes verify_by on verify to today + the item's verify_days", async () => {
      const dated = { ...draft('monthly'), verify_days: 30, verify_by: '2027-01-01' };
      await ok(send('POST', '/v1/items', tokens.author, dated), 201);
      await ok(send('POST', '/v1/items/monthly/submit', tokens.author));
      expect(await ok(send('POST', '/v1/items/monthly/approve', tokens.reviewer))).toMatchObject({
        verify_by: '2027-01-01',
      });
      expect(await ok(send('POST', '/v1/items/monthly/verify', tokens.author))).toMatchObject({
        verify_by: '2026-07-15', // TEST_NOW + 30 days
      });
    });

    it("never names another reviewer's unpublished draft in a learner's feed", async () => {
      await ok(send('POST', '/v1/items', tokens.reviewer, draft('q3-layoffs-faq')), 201);
      await ok(send('POST', '/v1/items/q3-layoffs-faq/submit', tokens.reviewer));
      await ok(send('POST', '/v1/items/q3-layoffs-faq/archive', tokens.reviewer2));
      const page = await learnerFeed();
      expect(JSON.stringify(page)).not.toContain('q3-layoffs-faq');
      expect(page.cursor).not.toBe(`${t.env.store.epoch}.0`);
    });

    it('sends learners a tombstone when an item is archived', async () => {
      await publish('doc');
      const first = await learnerFeed();
      expect(first.items).toHaveLength(1);
      await ok(
        send('POST', '/v1/items/doc/archive', tokens.reviewer, { comment: 'Policy retired.' }),
      );
      const next = await learnerFeed(first.cursor);
      expect(next).toMatchObject({ items: [], deleted: [{ kind: 'item', id: 'doc' }] });
      expect((await get('/v1/items/doc', t.learner)).status).toBe(404);
    });

    it('answers 400 naming the field for an invalid item, and 409 for an id that exists', async () => {
      const res = await send('POST', '/v1/items', tokens.author, { ...draft('doc'), title: 'x' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'bad_request',
        message: 'title: must be at least 3 characters',
      });
      await t.env.store.upsertItem(article('seeded'), 'ops');
      expect((await send('POST', '/v1/items', tokens.author, draft('seeded'))).status).toBe(409);
      const junk = await t.app.request('/v1/items', {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens.author}` },
        body: '{not json',
      });
      expect(junk.status).toBe(400);
    });

    it('answers 413 to a body over 1 MB', async () => {
      const res = await send(
        'POST',
        '/v1/items',
        tokens.author,
        draft('big', 'x'.repeat(1_100_000)),
      );
      expect(res.status).toBe(413);
    });
  });

  describe("an item's history", () => {
    it('shows the author why changes were requested, newest first; learners cannot read it', async () => {
      await ok(send('POST', '/v1/items', tokens.author, draft('chargebacks')), 201);
      await ok(send('POST', '/v1/items/chargebacks/submit', tokens.author));
      await ok(
        send('POST', '/v1/items/chargebacks/request-changes', tokens.reviewer, {
          comment: 'Say which evidence the bank needs',
        }),
      );
      const res = await get('/v1/items/chargebacks/history', tokens.author);
      expect(res.status).toBe(200);
      const { entries } = (await res.json()) as {
        entries: { actor: string; action: string; comment: string | null; version: number }[];
      };
      expect(entries.map((e) => [e.actor, e.action, e.comment])).toEqual([
        ['reviewer@example.com', 'request_changes', 'Say which evidence the bank needs'],
        ['author@example.com', 'submit', null],
        ['author@example.com', 'create', null],
      ]);
      expect((await get('/v1/items/chargebacks/history', t.learner)).status).toBe(403);
      expect((await get('/v1/items/nothing-here/history', tokens.author)).status).toBe(404);
    });
  });
});
