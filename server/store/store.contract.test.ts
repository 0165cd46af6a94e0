import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDef, article, template, testBackends, type TempStore } from '../test-fixtures';
import type { Template } from '@/lib/content-model';
import { VersionConflictError } from './errors';
import type { Audience } from './types';

const learner = (team?: string): Audience => ({ role: 'learner', team });
const admin: Audience = { role: 'admin', team: undefined };

/** The contract every backend keeps (server/store/types.ts), run on each one. */
describe.each(testBackends())('Store on $name', (backend) => {
  let env: TempStore;
  beforeEach(async () => (env = await backend.open()));
  afterEach(() => env.cleanup());

  it('returns the next sequence number for each change and keeps every version', async () => {
    const { store } = env;
    expect(await store.upsertItem(article('a'), 'ana')).toBe(1);
    expect(await store.upsertApp(appDef('desk'))).toBe(2);
    expect(await store.upsertItem(article('a', { status: 'archived', version: 2 }), 'bo')).toBe(3);
    expect((await store.itemVersions('a')).map((v) => [v.version, v.author, v.status])).toEqual([
      [1, 'ana', 'published'],
      [2, 'bo', 'archived'],
    ]);
    expect(await store.lastSeq()).toBe(3);
    expect(await store.committedSeq()).toBe(3);
  });

  it('returns the stored sequence without a new one when the same body is sent again', async () => {
    await env.store.upsertItem(article('a'), 'ana');
    expect(await env.store.upsertItem(article('a'), 'ana')).toBe(1);
    expect(await env.store.lastSeq()).toBe(1);
  });

  it('throws VersionConflictError when a change does not raise the version', async () => {
    await env.store.upsertItem(article('a'), 'ana');
    await expect(env.store.upsertItem(article('a', { body: 'Changed.' }), 'ana')).rejects.toThrow(
      VersionConflictError,
    );
  });

  it('throws when the item is not valid and stores nothing', async () => {
    await expect(
      env.store.upsertItem({ ...article('a'), status: 'live' }, 'ana'),
    ).rejects.toThrow();
    expect(await env.store.isEmpty()).toBe(true);
  });

  it('leaves tombstones with a new sequence number when items and apps are deleted', async () => {
    const { store } = env;
    await store.upsertItem(article('a'), 'ana');
    await store.upsertApp(appDef('desk'));
    expect(await store.deleteItem('a')).toBe(true);
    expect(await store.deleteApp('desk')).toBe(true);
    expect(await store.deleteItem('a')).toBe(false);
    const { page } = await store.feedPage(admin, 2, 10);
    expect(page).toMatchObject({
      items: [],
      apps: [],
      deleted: [
        { kind: 'item', id: 'a' },
        { kind: 'app', id: 'desk' },
      ],
      cursor: `${store.epoch}.4`,
      more: false,
    });
    expect(await store.getItem('a')).toBeUndefined();
  });

  it('pages the feed with limit and more, answering the sequence the page was read at', async () => {
    for (const id of ['a', 'b', 'c']) await env.store.upsertItem(article(id), 'ops');
    const first = await env.store.feedPage(learner(), 0, 2);
    expect(first.lastSeq).toBe(3);
    expect(first.page.items.map((i) => (i as { id: string }).id)).toEqual(['a', 'b']);
    expect(first.page).toMatchObject({ more: true, cursor: `${env.store.epoch}.2` });
    const second = await env.store.feedPage(learner(), 2, 2);
    expect(second.page).toMatchObject({ items: [{ id: 'c' }], more: false });
  });

  it("gives a learner tombstones only for items once published for them, never another's draft", async () => {
    const { store } = env;
    await store.upsertItem(article('for-emea', { teams: ['emea'] }), 'ops');
    await store.upsertItem(article('for-apac', { teams: ['apac'] }), 'ops');
    await store.upsertItem(article('secret-draft', { status: 'draft' }), 'ops');
    await store.deleteItem('secret-draft');
    await store.upsertItem(article('for-emea', { teams: ['apac'], version: 2 }), 'ops');
    const emea = (await store.feedPage(learner('emea'), 0, 100)).page;
    expect(emea.items).toEqual([]);
    expect(emea.deleted).toEqual([{ kind: 'item', id: 'for-emea' }]);
    const noTeam = (await store.feedPage(learner(), 0, 100)).page;
    expect(noTeam.deleted).toEqual([]);
    const apac = (await store.feedPage(learner('apac'), 0, 100)).page;
    expect(apac.items.map((i) => (i as { id: string }).id).sort()).toEqual([
      'for-apac',
      'for-emea',
    ]);
    expect((await store.feedPage(admin, 0, 100)).page.deleted).toEqual([
      { kind: 'item', id: 'secret-draft' },
    ]);
  });

  it('runs a governed step as one change: version, audit rows and feed number together', async () => {
    const { store } = env;
    await store.upsertItem(article('doc', { status: 'draft' }), 'ana');
    const next = { ...article('doc', { status: 'in_review', version: 2 }) };
    const written = await store.workflowStep('doc', 'ana@example.com', (head, editor) => {
      expect(head?.item.version).toBe(1);
      expect(editor).toBeUndefined();
      return { kind: 'write', item: next as never, audit: [{ action: 'submit' }] };
    });
    expect(written).toMatchObject({ version: 2, status: 'in_review' });
    expect(await store.lastSeq()).toBe(2);
    expect((await store.queryAudit({ item: 'doc', limit: 5 })).entries).toMatchObject([
      { actor: 'ana@example.com', action: 'submit', version: 2 },
    ]);
  });

  it('writes nothing when a governed step throws', async () => {
    await env.store.upsertItem(article('doc'), 'ana');
    const refused = env.store.workflowStep('doc', 'bo', () => {
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    expect(await env.store.lastSeq()).toBe(1);
    expect((await env.store.queryAudit({ limit: 5 })).entries).toEqual([]);
  });

  it('adds, rotates, lists and revokes users, auditing each change', async () => {
    const { store } = env;
    const token = await store.addUser({
      email: 'ana@example.com',
      role: 'learner',
      team: 'emea',
      rotate: false,
    });
    expect(await store.userForToken(token)).toEqual({
      email: 'ana@example.com',
      role: 'learner',
      team: 'emea',
    });
    await expect(
      store.addUser({ email: 'ANA@example.com', role: 'admin', team: undefined, rotate: false }),
    ).rejects.toThrow(/already exists/);
    const rotated = await store.addUser({
      email: 'ana@example.com',
      role: 'author',
      team: undefined,
      rotate: true,
    });
    expect(await store.userForToken(token)).toBeUndefined();
    expect(await store.userForToken(rotated)).toMatchObject({ role: 'author', team: 'emea' });
    expect(await store.revokeUser('ana@example.com')).toBe(true);
    expect(await store.revokeUser('ana@example.com')).toBe(false);
    expect(await store.userForToken(rotated)).toBeUndefined();
    expect(await store.userForToken('not-a-token')).toBeUndefined();
    expect(await store.listUsers()).toMatchObject([
      { email: 'ana@example.com', role: 'author', revoked_at: '2026-06-15T09:30:00.000Z' },
    ]);
    const comments = (await store.queryAudit({ action: 'role_change', limit: 10 })).entries.map(
      (e) => e.comment,
    );
    expect(comments).toEqual([
      'ana@example.com: token revoked',
      'ana@example.com: learner → author, token rotated',
      'ana@example.com: added as learner',
    ]);
  });

  it('pages the audit log newest first and filters by actor without regard to case', async () => {
    for (const n of [1, 2, 3])
      await env.store.appendAudit({ actor: 'Ana@Example.com', action: 'edit', item: `i${n}` });
    await env.store.appendAudit({ actor: 'bo@example.com', action: 'edit', item: 'other' });
    const first = await env.store.queryAudit({ actor: 'ana@example.com', limit: 2 });
    expect(first.entries.map((e) => e.item)).toEqual(['i3', 'i2']);
    const rest = await env.store.queryAudit({
      actor: 'ana@example.com',
      limit: 2,
      before: first.next ?? 0,
    });
    expect(rest).toMatchObject({ entries: [{ item: 'i1' }], next: null });
    expect((await env.store.queryAudit({ since: '2999-01-01', limit: 5 })).entries).toEqual([]);
  });

  it('versions templates, sorts them by type then name, and audits changes by a person', async () => {
    const tip = template('screen-tip') as Template;
    expect(await env.store.putTemplate(tip, undefined)).toBe('created');
    expect(await env.store.putTemplate(tip, 'admin@example.com')).toBe('unchanged');
    expect(await env.store.putTemplate({ ...tip, name: 'Renamed tip' }, 'admin@example.com')).toBe(
      'updated',
    );
    const article = template('how-to', { item_type: 'article', fields: { template: 'how-to' } });
    await env.store.putTemplate(article as Template, undefined);
    expect((await env.store.listTemplates()).map((t) => t.id)).toEqual(['how-to', 'screen-tip']);
    expect((await env.store.queryAudit({ action: 'template', limit: 5 })).entries).toMatchObject([
      { version: 2, comment: 'template "screen-tip" updated' },
    ]);
  });

  it('counts anchor reports for live items only and adds them up', async () => {
    await env.store.upsertItem(article('tip-a'), 'ops');
    const report = { id: 'tip-a', app: 'zendesk', screen: 'ticket', count: 2 };
    expect(await env.store.addAnchorReports([report, { ...report, id: 'gone' }])).toBe(1);
    expect(await env.store.addAnchorReports([{ ...report, count: 3 }])).toBe(1);
    expect(await env.store.anchorReports()).toMatchObject([
      { id: 'tip-a', count: 5, last_at: '2026-06-15T09:30:00.000Z', item: { id: 'tip-a' } },
    ]);
  });

  it('seeds once, in one go, and says what a later start still needs', async () => {
    expect(await env.store.seedNeeds()).toEqual({ items: true, templates: true });
    const content = {
      apps: [appDef('desk')],
      items: [article('a')],
      templates: [template('screen-tip')],
    } as never;
    await env.store.seed(content, { items: true, templates: true });
    await env.store.seed(content, { items: true, templates: true });
    expect(await env.store.seedNeeds()).toEqual({ items: false, templates: false });
    expect(await env.store.lastSeq()).toBe(2);
    expect((await env.store.listTemplates()).map((t) => t.id)).toEqual(['screen-tip']);
  });

  it('reports itself ready with its schema at the latest version', async () => {
    const readiness = await env.store.readiness();
    expect(readiness.ok).toBe(true);
    expect(readiness.schema?.current).toBe(readiness.schema?.latest);
  });
});
