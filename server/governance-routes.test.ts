import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { withTestApp } from './test-app';
import { article, testBackends, tokenFor } from './test-fixtures';

describe.each(testBackends())('on $name', (backend) => {
  const { t, get, send } = withTestApp(backend);
  let author: string;
  beforeEach(async () => {
    author = await tokenFor(t.env.store, 'author@example.com', 'author');
    await tokenFor(t.env.store, 'other@example.com', 'author');
  });

  const overdue = (id: string, owner: string) => ({
    ...article(id),
    owner,
    verify_by: '2020-01-01',
  });

  describe('GET /v1/verification on the fixed clock (TEST_NOW: 2026-06-15)', () => {
    it('counts an item as overdue from the day after its verify-by date, not on it', async () => {
      for (const [id, date] of [
        ['due-yesterday', '2026-06-14'],
        ['due-today', '2026-06-15'],
        ['due-tomorrow', '2026-06-16'],
      ] as const)
        await t.env.store.upsertItem(
          { ...article(id), owner: 'author@example.com', verify_by: date },
          'ops',
        );
      const res = await get('/v1/verification', author);
      const { overdue } = (await res.json()) as { overdue: { id: string; verify_by: string }[] };
      expect(overdue.map((o) => [o.id, o.verify_by])).toEqual([['due-yesterday', '2026-06-14']]);
    });
  });

  describe('GET /v1/verification', () => {
    it('lists overdue items and broken anchors for their owner, and everything for an admin', async () => {
      await t.env.store.upsertItem(overdue('mine', 'author@example.com'), 'ops');
      await t.env.store.upsertItem(overdue('theirs', 'other@example.com'), 'ops');
      await t.env.store.upsertItem(
        { ...article('fresh'), owner: 'author@example.com', verify_by: '2099-01-01' },
        'ops',
      );
      const report = { items: [{ id: 'mine', app: 'zendesk', screen: 'ticket', count: 2 }] };
      expect(await (await send('POST', '/v1/anchor-reports', t.learner, report)).json()).toEqual({
        accepted: 1,
        ignored: 0,
      });
      await send('POST', '/v1/anchor-reports', t.learner, {
        items: [
          { id: 'mine', app: 'zendesk', screen: 'ticket', count: 3 },
          { id: 'theirs', app: 'zendesk', screen: 'ticket', count: 1 },
          { id: 'unknown', app: 'zendesk', screen: 'ticket', count: 1 },
        ],
      });
      const mine = (await (await get('/v1/verification', author)).json()) as {
        overdue: { id: string }[];
        broken_anchors: { id: string; count: number }[];
      };
      expect(mine.overdue.map((i) => i.id)).toEqual(['mine']);
      // The version a one-click verify is based on.
      expect(mine.overdue[0]).toMatchObject({
        version: (await t.env.store.getItem('mine'))?.version,
      });
      expect(mine.broken_anchors).toMatchObject([
        { id: 'mine', app: 'zendesk', screen: 'ticket', count: 5 },
      ]);
      const all = (await (await get('/v1/verification', t.admin)).json()) as typeof mine;
      expect(all.overdue.map((i) => i.id)).toEqual(['mine', 'theirs']);
      expect(all.broken_anchors.map((r) => r.id)).toEqual(['mine', 'theirs']);
    });

    it('refuses an anchor report that carries anything but counts', async () => {
      const res = await send('POST', '/v1/anchor-reports', t.learner, {
        items: [{ id: 'mine', app: 'zendesk', screen: 'ticket', count: 1, html: '<p>secret</p>' }],
      });
      expect(res.status).toBe(400);
    });
  });

  describe('the audit log', () => {
    it('filters by actor, action and since, and pages newest first', async () => {
      for (const id of ['a1', 'a2', 'a3'])
        await send('POST', '/v1/items', author, { ...article(id), status: undefined });
      const page1 = (await (
        await get('/v1/audit?actor=author@example.com&action=create&limit=2', t.admin)
      ).json()) as {
        entries: { item: string }[];
        next: string | null;
      };
      expect(page1.entries.map((e) => e.item)).toEqual(['a3', 'a2']);
      const page2 = (await (
        await get(
          `/v1/audit?actor=author@example.com&action=create&limit=2&before=${page1.next}`,
          t.admin,
        )
      ).json()) as typeof page1;
      expect(page2).toMatchObject({ entries: [{ item: 'a1' }], next: null });
      const future = (await (
        await get('/v1/audit?since=2999-01-01', t.admin)
      ).json()) as typeof page1;
      expect(future.entries).toEqual([]);
      expect((await get('/v1/audit?action=delete', t.admin)).status).toBe(400);
    });

    it('records role changes from user management', async () => {
      await t.env.store.addUser({
        email: 'author@example.com',
        role: 'reviewer',
        team: undefined,
        rotate: true,
      });
      const { entries } = await t.env.store.queryAudit({ action: 'role_change', limit: 10 });
      expect(entries[0]).toMatchObject({
        actor: 'cli',
        comment: 'author@example.com: author → reviewer, token rotated',
      });
    });

    it('offers no way to change or remove an entry', async () => {
      await t.env.store.appendAudit({ actor: 'a@example.com', action: 'edit', item: 'x' });
      // The store API: only appending and reading (the database's own refusal of UPDATE, DELETE
      // and TRUNCATE is tested per backend, beside its migrations).
      const auditMethods = Object.keys(t.env.store)
        .concat(Object.getOwnPropertyNames(Object.getPrototypeOf(t.env.store)))
        .filter((name) => /audit/i.test(name))
        .sort();
      expect(auditMethods).toEqual(['appendAudit', 'queryAudit']);
      expect((await t.env.store.queryAudit({ limit: 1 })).entries).toMatchObject([
        { actor: 'a@example.com', action: 'edit', item: 'x' },
      ]);
      // And no shipped code so much as writes such a statement.
      const roots = ['server', 'bin'].map((dir) => join(import.meta.dirname, '..', dir));
      const sources = roots.flatMap((root) =>
        readdirSync(root, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
          .map((f) => readFileSync(join(root, f), 'utf8')),
      );
      for (const text of sources)
        expect(text).not.toMatch(/(UPDATE|DELETE FROM)\s+(audit_log|item_versions)\b/i);
    });
  });
});
