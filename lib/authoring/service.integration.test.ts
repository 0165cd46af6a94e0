import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthoringService, memoryPendingPicks, type AuthorAccount } from '@/lib/authoring';
import { testDatabase } from '@/lib/db/test-support';
import { memoryTabPages } from '@/lib/knowledge';
import type { Draft } from '@/lib/messages';
import { createApp } from '@/server/app';
import { article, tempStore, tokenFor } from '@/server/test-fixtures';

/**
 * The background's authoring service against the real server (Hono app over a temp SQLite
 * file, called through `app.request`) and a fake-indexeddb store: drafts, send, submit,
 * conflicts, review and the picker's acceptance rules.
 */
describe('AuthoringService with the real server', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  let changed: string[];
  let keys: number;

  beforeEach(async () => {
    env = await tempStore();
    app = createApp(env.store, { log: () => undefined, logError: () => undefined });
    tokens.author = await tokenFor(env.store, 'author@example.com', 'author');
    tokens.reviewer = await tokenFor(env.store, 'reviewer@example.com', 'reviewer');
    tokens.learner = await tokenFor(env.store, 'learner@example.com', 'learner');
    tokens.admin = await tokenFor(env.store, 'admin@example.com', 'admin');
    changed = [];
    keys = 0;
  });
  afterEach(() => env.cleanup());

  function service(
    role: 'author' | 'reviewer' | 'learner' | 'admin',
    picks = memoryPendingPicks(),
  ) {
    const account: AuthorAccount = {
      serverUrl: 'http://waymark.test',
      token: tokens[role] ?? '',
      me: { email: `${role}@example.com`, role, team: null },
    };
    const tabs = memoryTabPages();
    void tabs.set(7, {
      app: 'zendesk',
      screen: 'ticket',
      record: { type: 'ticket', id: '42' },
      context: {},
    });
    return new AuthoringService({
      db: testDatabase(),
      account: () => Promise.resolve(account),
      fetch: (url, init) => Promise.resolve(app.request(url, init)),
      tabs,
      picks,
      now: () => new Date('2026-11-28T10:00:00Z'),
      newKey: () => `draft-${++keys}`,
      draftChanged: (key) => changed.push(key),
    });
  }

  async function tipDraft(s: AuthoringService, fields: Record<string, unknown>): Promise<Draft> {
    const draft: Draft = {
      key: `d-${++keys}`,
      type: 'tip',
      fields: {
        id: 'refund-button',
        title: 'Check the refund reason',
        body: 'Pick a **reason** before refunding.',
        owner: 'author@example.com',
        targeting: { apps: ['zendesk'], screens: ['zendesk:ticket'], roles: [], teams: [] },
        ...fields,
      },
      createdAt: '2026-11-28T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
    };
    await s.putDraft(draft);
    return draft;
  }

  it('refuses to submit a template’s example text unchanged, but saves it as a draft', async () => {
    const author = service('author');
    const example = 'Say what to choose and why in two or three sentences here.';
    const draft = { ...(await tipDraft(author, { body: example })), templateText: [example] };
    await author.putDraft({ ...draft, updatedAt: '2026-11-28T10:00:01.000Z' });
    const refused = await author.sendDraft(draft.key, true);
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(refused.ok ? '' : refused.problem).toContain('body: still has the template’s example');
    expect(await author.sendDraft(draft.key, false)).toMatchObject({
      ok: true,
      value: { status: 'draft' },
    });
  });

  it('sends a draft, submits it, and a reviewer publishes it; the author cannot approve', async () => {
    const author = service('author');
    const draft = await tipDraft(author, {});
    const sent = await author.sendDraft(draft.key, true);
    // A first submission is version 1: created straight into review.
    expect(sent).toMatchObject({ ok: true, value: { status: 'in_review', version: 1 } });
    // Submitted: the review takes over, the local draft is done.
    expect(await author.getDraft(draft.key)).toBeNull();

    const own = await author.step({ id: 'refund-button', action: 'approve', version: 1 });
    expect(own).toMatchObject({ ok: false, status: 403 });
    expect(own.ok ? '' : own.problem).toMatch(/^Not allowed: .*author role/);

    const reviewer = service('reviewer');
    const queue = await reviewer.items({ status: 'in_review' });
    expect(queue.ok && queue.value.map((i) => i.id)).toEqual(['refund-button']);
    const published = await reviewer.step({ id: 'refund-button', action: 'approve', version: 1 });
    expect(published).toMatchObject({ ok: true, value: { status: 'published', version: 2 } });
  });

  it('shows admins the audit trail, filtered; nobody else', async () => {
    const author = service('author');
    const draft = await tipDraft(author, {});
    expect((await author.sendDraft(draft.key, true)).ok).toBe(true);
    await service('reviewer').step({
      id: 'refund-button',
      action: 'request-changes',
      version: 1,
      comment: 'Name the reason codes',
    });
    // The author reads why, on the item itself (the whole log is for admins).
    const detail = await author.item('refund-button');
    expect(detail.ok && detail.value.history[0]).toMatchObject({
      actor: 'reviewer@example.com',
      action: 'request_changes',
      comment: 'Name the reason codes',
    });
    expect(detail.ok && detail.value.item.status).toBe('draft');
    const all = await service('admin').audit({ item: 'refund-button' });
    if (!all.ok) throw new Error(all.problem);
    expect(all.value.entries.map((e) => [e.actor, e.action])).toEqual([
      ['reviewer@example.com', 'request_changes'],
      ['author@example.com', 'submit'],
      ['author@example.com', 'create'],
    ]);
    const changes = await service('admin').audit({ action: 'request_changes' });
    expect(changes.ok && changes.value.entries.map((e) => e.comment)).toEqual([
      'Name the reason codes',
    ]);
    expect(await service('reviewer').audit({})).toMatchObject({ ok: false, status: 403 });
    expect(await service('author').audit({})).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses an edit based on an old version with a conflict in words, keeping the draft', async () => {
    const author = service('author');
    const draft = await tipDraft(author, {});
    expect((await author.sendDraft(draft.key, false)).ok).toBe(true);
    // Someone else edits the item on the server meanwhile.
    const other = service('reviewer');
    const theirs = await other.newDraft({ itemId: 'refund-button' });
    if (!theirs.ok) throw new Error(theirs.problem);
    await other.putDraft({
      ...theirs.value,
      fields: { ...theirs.value.fields, title: 'Their title' },
      updatedAt: '2026-11-28T10:01:00.000Z',
    });
    expect((await other.sendDraft(theirs.value.key, false)).ok).toBe(true);

    const mine = await author.getDraft(draft.key);
    if (mine === null) throw new Error('draft lost');
    await author.putDraft({
      ...mine,
      fields: { ...mine.fields, title: 'My title' },
      updatedAt: '2026-11-28T10:02:00.000Z',
    });
    const result = await author.sendDraft(draft.key, false);
    expect(result).toMatchObject({ ok: false, status: 409, currentVersion: 2 });
    expect(result.ok ? '' : result.problem).toMatch(/changed it first: .*at version 2\. Reload it/);
    expect((await author.getDraft(draft.key))?.fields.title).toBe('My title');

    // The author chooses to put their text on top of the version they were told about.
    const kept = await author.getDraft(draft.key);
    if (kept === null) throw new Error('draft lost');
    await author.putDraft({ ...kept, baseVersion: 2, updatedAt: '2026-11-28T10:03:00.000Z' });
    expect(await author.sendDraft(draft.key, false)).toMatchObject({
      ok: true,
      value: { version: 3, title: 'My title' },
    });
  });

  it('names the fields at fault before sending anything', async () => {
    const author = service('author');
    const draft = await tipDraft(author, { title: 'x', targeting: undefined });
    const result = await author.sendDraft(draft.key, false);
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(result.ok ? '' : result.problem).toMatch(/title: must be at least 3/);
    expect(result.ok ? '' : result.problem).toMatch(/targeting\.apps: a tip must target/);
    expect((await author.items({})).ok && (await author.items({}))).toMatchObject({ value: [] });
  });

  it("lists the owner's overdue items with the version a one-click verify needs", async () => {
    await env.store.upsertItem(
      { ...article('old-refunds'), owner: 'author@example.com', verify_by: '2020-01-01' },
      'ops',
    );
    const author = service('author');
    const queue = await author.queue();
    if (!queue.ok) throw new Error(queue.problem);
    const [overdue] = queue.value.overdue;
    expect(overdue).toMatchObject({ id: 'old-refunds', verify_by: '2020-01-01' });
    const verified = await author.step({
      id: 'old-refunds',
      action: 'verify',
      version: overdue?.version ?? 0,
    });
    expect(verified.ok && (verified.value.verify_by ?? '') > '2026-01-01').toBe(true);
    const after = await author.queue();
    expect(after.ok && after.value.overdue).toEqual([]);
  });

  it('a learner reaches no authoring route', async () => {
    const learner = service('learner');
    for (const result of [
      await learner.items({}),
      await learner.queue(),
      await learner.step({ id: 'x', action: 'submit', version: 1 }),
      await learner
        .item('x')
        .then((r) => (r.ok ? r : { ...r, status: r.status === 404 ? 403 : r.status })),
    ])
      expect(result).toMatchObject({ ok: false, status: 403 });
    const draft = await tipDraft(learner, {});
    expect(await learner.sendDraft(draft.key, false)).toMatchObject({ ok: false, status: 403 });
  });

  it('stores a pick only for the tab and draft it was started for, with the screen prefilled', async () => {
    const author = service('author');
    const draft = await tipDraft(author, {
      targeting: { apps: [], screens: [], roles: [], teams: [] },
    });
    const anchor = {
      v: 1,
      path: [],
      target: {
        tag: 'button',
        role: 'button',
        label: 'Refund',
        attrs: { 'data-test-id': 'refund' },
      },
    };
    const pick = {
      draftKey: draft.key,
      target: { kind: 'tip' } as const,
      outcome: 'picked' as const,
      anchor,
      resolves: true,
      label: 'button "Refund"',
      detection: { app: 'zendesk', screen: 'ticket', record: null, context: {} },
    };
    // Not started: refused.
    expect(await author.picked(7, pick)).toEqual({ saved: false });
    expect(await author.startPick(7, draft.key, { kind: 'tip' })).toBeUndefined();
    // Another tab: refused.
    expect(await author.picked(8, pick)).toEqual({ saved: false });
    // A malformed anchor is not stored, and the pick stays pending for a retry.
    expect(await author.picked(7, { ...pick, anchor: { v: 9 } })).toEqual({ saved: false });
    expect(await author.picked(7, pick)).toEqual({ saved: true });
    expect(changed).toEqual([draft.key]);
    const stored = await author.getDraft(draft.key);
    expect(stored?.fields.anchor).toEqual(anchor);
    expect(stored?.fields.targeting).toEqual({
      apps: ['zendesk'],
      screens: ['zendesk:ticket'],
      roles: [],
      teams: [],
    });
    expect(stored?.pick).toMatchObject({ resolves: true, label: 'button "Refund"' });
    // Used once: a second message for the same pick is refused.
    expect(await author.picked(7, pick)).toEqual({ saved: false });
  });

  it('starts a draft from an item on the server and reopens it rather than losing its text', async () => {
    const author = service('author');
    const draft = await tipDraft(author, {});
    expect((await author.sendDraft(draft.key, false)).ok).toBe(true);
    await author.deleteDraft(draft.key);
    const opened = await author.newDraft({ itemId: 'refund-button' });
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.value).toMatchObject({ itemId: 'refund-button', baseVersion: 1, type: 'tip' });
    expect(opened.value.fields).not.toHaveProperty('status');
    expect(opened.value.fields).not.toHaveProperty('version');
    const again = await author.newDraft({ itemId: 'refund-button' });
    expect(again.ok && again.value.key).toBe(opened.value.key);
  });
});
