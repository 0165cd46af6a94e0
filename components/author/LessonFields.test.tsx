// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDraft } from '@/lib/authoring/drafts';
import { itemSchema } from '@/lib/content-model';
import type { Draft } from '@/lib/messages';
import { LessonFields } from './LessonFields';
import { byLabel, type } from './test-support';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const start: Draft = {
  key: 'k',
  type: 'lesson',
  fields: {
    id: 'issue-a-refund',
    title: 'Issue a refund',
    body: 'Why refunds need a reason.',
    owner: 'ana@example.com',
    duration_minutes: 5,
    objectives: ['Refund with the right reason'],
    steps: [{ title: 'Open the order', body: 'Find the order in the sidebar.' }],
    questions: [],
  },
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

let latest: Draft = start;
const picks: unknown[] = [];

function Harness() {
  const [draft, setDraft] = useState(start);
  latest = draft;
  return (
    <LessonFields
      fields={draft.fields}
      update={(change) => setDraft((d) => ({ ...d, fields: change(d.fields) }))}
      problems={checkDraft(draft)}
      pickStatus={() => null}
      onPick={(target) => picks.push(target)}
    />
  );
}

const button = (root: HTMLElement, text: string, index = 0): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].filter((b) => b.textContent === text)[index];
  if (found === undefined) throw new Error(`no button "${text}"`);
  return found;
};

describe('LessonFields', () => {
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root.render(<Harness />));
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('builds a lesson with a second step and a knowledge check that the schema accepts', () => {
    act(() => button(host, 'Add a step').click());
    act(() => type(byLabel(host, 'Step title', 1), 'Choose the reason'));
    act(() => type(byLabel(host, 'What to do', 1), 'Pick **Damaged** or **Late**.'));
    act(() => button(host, 'Point at an element', 1).click());
    expect(picks).toEqual([{ kind: 'lesson-step', step: 1 }]);

    act(() => button(host, 'Add a question').click());
    // Problems show against the question until it is complete.
    expect(host.textContent).toContain('explain the answer');
    // Typed a letter at a time, as people do: the id follows the whole prompt.
    const prompt = 'Which reason for a parcel that never came?';
    for (let n = 1; n <= prompt.length; n++)
      act(() => type(byLabel(host, 'Question'), prompt.slice(0, n)));
    act(() => type(host.querySelector('[aria-label="Choice 1"]'), 'Damaged'));
    act(() => type(host.querySelector('[aria-label="Choice 2"]'), 'Late'));
    act(() => (host.querySelector('[aria-label="Choice 2 is right"]') as HTMLInputElement).click());
    act(() =>
      type(byLabel(host, 'Why (shown after answering)'), 'A parcel that never came is late.'),
    );

    expect(checkDraft(latest)).toEqual([]);
    const lesson = itemSchema.parse({
      ...latest.fields,
      type: 'lesson',
      status: 'draft',
      version: 1,
      updated_at: '2026-11-28',
    });
    if (lesson.type !== 'lesson') throw new Error('not a lesson');
    expect(lesson.steps.map((s) => s.title)).toEqual(['Open the order', 'Choose the reason']);
    expect(lesson.questions[0]).toMatchObject({
      id: 'which-reason-for-a-parcel-that-never',
      kind: 'single',
      correct: ['b'],
    });
  });

  it('keeps at least one step and two choices', () => {
    expect(button(host, 'Remove step').disabled).toBe(true);
    act(() => button(host, 'Add a question').click());
    expect(
      (host.querySelector('[aria-label="Remove choice 1"]') as HTMLButtonElement).disabled,
    ).toBe(true);
    act(() => button(host, 'Add a choice').click());
    expect(
      (host.querySelector('[aria-label="Remove choice 1"]') as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});
