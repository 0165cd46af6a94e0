import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log';
import { withTestApp } from './test-app';
import { article, tokenFor } from './test-fixtures';
import { addUser } from './users';

const { t, get, send } = withTestApp();
let author: string;
beforeEach(() => {
  author = tokenFor(t.env.store, 'author@example.com', 'author');
  tokenFor(t.env.store, 'other@example.com', 'author');
});

const overdue = (id: string, owner: string) => ({
  ...article(id),
  owner,
  verify_by: '2020-01-01',
});

describe('GET /v1/verification', () => {
  it('lists overdue items and broken anchors for their owner, and everything for an admin', async () => {
    t.env.store.upsertItem(overdue('mine', 'author@example.com'), 'ops');
    t.env.store.upsertItem(overdue('theirs', 'other@example.com'), 'ops');
    t.env.store.upsertItem(
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
    expect(mine.overdue[0]).toMatchObject({ version: t.env.store.getItem('mine')?.version });
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

  it('records role changes from user management', () => {
    addUser(t.env.store.db, {
      email: 'author@example.com',
      role: 'reviewer',
      team: undefined,
      rotate: true,
    });
    const { entries } = new AuditLog(t.env.store.db).query({ action: 'role_change', limit: 10 });
    expect(entries[0]).toMatchObject({
      actor: 'cli',
      comment: 'author@example.com: author → reviewer, token rotated',
    });
  });

  it('offers no way to change or remove an entry', () => {
    const log = new AuditLog(t.env.store.db);
    log.append({ actor: 'a@example.com', action: 'edit', item: 'x', version: 1 });
    // The store API: only appending and reading.
    expect(Object.getOwnPropertyNames(AuditLog.prototype).sort()).toEqual([
      'append',
      'constructor',
      'lastEditor',
      'query',
    ]);
    // The database refuses rewrites from any other code, too.
    expect(() => t.env.store.db.exec("UPDATE audit_log SET actor = 'someone-else'")).toThrow(
      /append-only/,
    );
    expect(() => t.env.store.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    t.env.store.upsertItem(article('kept'), 'ops');
    expect(() => t.env.store.db.exec('DELETE FROM item_versions')).toThrow(/append-only/);
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
