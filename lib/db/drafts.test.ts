import { describe, expect, it } from 'vitest';
import type { Draft } from '@/lib/messages';
import { deleteDraft, getDraft, listDrafts, putDraft } from './drafts';
import { testDatabase } from './test-support';

const draft = (key: string, updatedAt: string, title = 'A tip'): Draft => ({
  key,
  type: 'tip',
  fields: { title },
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt,
});

describe('drafts', () => {
  it('keeps the newer copy when an older save arrives late', async () => {
    const db = testDatabase();
    expect(await putDraft(db, draft('a', '2026-11-28T10:00:05.000Z', 'picked'))).toMatchObject({
      saved: true,
    });
    const late = await putDraft(db, draft('a', '2026-11-28T10:00:01.000Z', 'typed earlier'));
    expect(late.saved).toBe(false);
    expect(late.draft.fields.title).toBe('picked');
    expect((await getDraft(db, 'a'))?.fields.title).toBe('picked');
  });

  it('lists newest first and deletes one', async () => {
    const db = testDatabase();
    await putDraft(db, draft('old', '2026-11-28T08:00:00.000Z'));
    await putDraft(db, draft('new', '2026-11-28T11:00:00.000Z'));
    expect((await listDrafts(db)).map((d) => d.key)).toEqual(['new', 'old']);
    expect(await deleteDraft(db, 'old')).toBe(true);
    expect(await deleteDraft(db, 'old')).toBe(false);
    expect((await listDrafts(db)).map((d) => d.key)).toEqual(['new']);
  });

  it('survives reopening the database (a restarted service worker)', async () => {
    const db = testDatabase();
    await putDraft(db, draft('k', '2026-11-28T10:00:00.000Z', 'unsent words'));
    db.close();
    await db.open();
    expect((await getDraft(db, 'k'))?.fields.title).toBe('unsent words');
  });
});
