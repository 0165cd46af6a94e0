// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDraft } from '@/lib/authoring/drafts';
import type { Draft } from '@/lib/messages';
import { AudienceFields } from './DraftFields';
import { byLabel, type } from './test-support';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const start: Draft = {
  key: 'k',
  type: 'article',
  fields: {
    id: 'merge-duplicate-records',
    title: 'Merge duplicate records',
    template: 'how-to',
    body: 'Pick the record to keep.',
    owner: 'ana@example.com',
    tags: [],
  },
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};
let latest: Draft = start;

function Harness() {
  const [draft, setDraft] = useState(start);
  latest = draft;
  return (
    <AudienceFields
      fields={draft.fields}
      update={(change) => setDraft((d) => ({ ...d, fields: change(d.fields) }))}
      problems={checkDraft(draft)}
    />
  );
}

describe('AudienceFields: also searched as', () => {
  let host: HTMLElement;
  let root: Root;
  beforeEach(async () => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root.render(<Harness />));
    // The targeting fields ask the background for the apps once mounted: let that answer land.
    await act(() => Promise.resolve());
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('keeps the comma-separated words as the draft’s synonyms, which the schema accepts', () => {
    act(() => type(byLabel(host, 'Also searched as'), 'dedupe, same customer twice'));
    expect(latest.fields.synonyms).toEqual(['dedupe', 'same customer twice']);
    expect(checkDraft(latest)).toEqual([]);
  });

  it('shows the schema’s problem under the field for a synonym over 60 characters', () => {
    act(() => type(byLabel(host, 'Also searched as'), `dedupe, ${'x'.repeat(61)}`));
    expect(checkDraft(latest).map((p) => p.path)).toEqual(['synonyms.1']);
    expect(host.textContent).toContain('1: a synonym is at most 60 characters');
  });
});
