import { describe, expect, it } from 'vitest';
import { templateSchema } from '@/lib/content-model';
import type { Draft } from '@/lib/messages';
import {
  applyPick,
  checkDraft,
  draftFromItem,
  draftFromTemplate,
  itemInput,
  previewItem,
  slugFrom,
} from './drafts';

const now = new Date('2026-11-28T10:00:00Z');
const ticket = { app: 'zendesk', screen: 'ticket', record: null, context: {} };
const anchor = { v: 1, path: [], target: { tag: 'select', label: 'Type', role: 'combobox' } };

const lessonTemplate = templateSchema.parse({
  id: 'micro-lesson',
  name: 'Micro-lesson',
  item_type: 'lesson',
  verify_days: 120,
  fields: {
    duration_minutes: 5,
    objectives: ['Do the thing'],
    steps: [
      { title: 'First', body: 'Do this.' },
      { title: 'Second', body: 'Then that.' },
    ],
  },
  body: 'Why it matters.',
});

describe('drafts', () => {
  it('starts from a template with its fields, its verify period, the owner and the page', () => {
    const draft = draftFromTemplate(lessonTemplate, {
      key: 'k',
      now,
      owner: 'ana@example.com',
      detection: ticket,
    });
    expect(draft).toMatchObject({ key: 'k', type: 'lesson', templateId: 'micro-lesson' });
    expect(draft.fields).toMatchObject({
      body: 'Why it matters.',
      owner: 'ana@example.com',
      verify_days: 120,
      duration_minutes: 5,
      targeting: { apps: ['zendesk'], screens: ['zendesk:ticket'], roles: [], teams: [] },
    });
    // Only identity is missing: the form says so, field by field.
    expect(checkDraft(draft, now).map((p) => p.path)).toEqual(['id', 'title']);
  });

  it('puts a picked anchor on the tip, or on the lesson step it was picked for', () => {
    const lesson = draftFromTemplate(lessonTemplate, { key: 'k', now, owner: 'a@example.com' });
    const picked = applyPick(
      lesson,
      {
        draftKey: 'k',
        target: { kind: 'lesson-step', step: 1 },
        outcome: 'picked',
        anchor,
        resolves: false,
        label: 'combobox "Type"',
        detection: ticket,
      },
      now,
    );
    const steps = picked.fields.steps as { anchor?: unknown }[];
    expect(steps[0]?.anchor).toBeUndefined();
    expect(steps[1]?.anchor).toEqual(anchor);
    expect(picked.pick).toMatchObject({ resolves: false, label: 'combobox "Type"' });
    expect(picked.fields.targeting).toMatchObject({ screens: ['zendesk:ticket'] });
    expect(() =>
      applyPick(
        lesson,
        {
          draftKey: 'k',
          target: { kind: 'lesson-step', step: 5 },
          outcome: 'picked',
          anchor,
          resolves: true,
          label: '',
          detection: null,
        },
        now,
      ),
    ).toThrow('no step 6');
  });

  it('edits an item without the server-owned fields, and sends the type and the id back', () => {
    const draft = draftFromItem(
      {
        type: 'tip',
        id: 'type-first',
        title: 'Type first',
        summary: '',
        body: 'Choose it.',
        targeting: { apps: ['zendesk'], screens: [], roles: [], teams: [] },
        tags: [],
        owner: 'a@example.com',
        status: 'published',
        verify_by: '2027-01-01',
        updated_at: '2026-11-01',
        version: 4,
        placement: 'auto',
      },
      { key: 'e', now },
    );
    expect(draft).toMatchObject({ itemId: 'type-first', baseVersion: 4 });
    const input = itemInput({ ...draft, fields: { ...draft.fields, id: 'renamed' } });
    expect(input).toMatchObject({ type: 'tip', id: 'type-first' });
    expect(input).not.toHaveProperty('status');
    expect(input).not.toHaveProperty('version');
  });

  it('drops blank lines from one-per-line lists and previews an untitled draft', () => {
    const draft: Draft = {
      key: 'p',
      type: 'path',
      fields: { lessons: ['a-lesson', '', '  '], owner: 'o@example.com' },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    expect(itemInput(draft).lessons).toEqual(['a-lesson']);
    expect(previewItem(draft, now)).toMatchObject({ id: 'preview', title: 'Untitled' });
  });

  it('makes slugs from titles', () => {
    expect(slugFrom('Problem or incident? Choose the type — first!')).toBe(
      'problem-or-incident-choose-the-type-first',
    );
    expect(slugFrom('Café déjà vu')).toBe('cafe-deja-vu');
    // Whole words only when it must be cut; a single over-long word is cut inside.
    expect(slugFrom('Which reason for a parcel that never came?', 40)).toBe(
      'which-reason-for-a-parcel-that-never',
    );
    expect(slugFrom('x'.repeat(70))).toBe('x'.repeat(60));
  });
});
