import { describe, expect, it } from 'vitest';
import { compareLandmarks, scoreSignature } from './score';
import type { Signature } from './types';

const edit: Signature = { tag: 'button', role: 'button', attrs: { name: 'Edit' }, text: 'edit' };

describe('scoreSignature', () => {
  it('returns 1 when every recorded signal matches', () => {
    expect(scoreSignature(edit, edit)).toBe(1);
  });

  it('ignores a translated text when the identity attributes agree', () => {
    expect(scoreSignature(edit, { ...edit, text: 'modifier' })).toBe(1);
  });

  it('penalises a different text when no attribute vouches for the element', () => {
    const save: Signature = { tag: 'button', role: 'button', text: 'save' };
    expect(scoreSignature(save, { ...save, text: 'cancel' })).toBeLessThan(0.55);
  });

  it('never lets record data contradict', () => {
    const heading: Signature = {
      tag: 'h2',
      attrs: { 'data-testid': 's' },
      text: '#1 a',
      data: true,
    };
    expect(scoreSignature(heading, { ...heading, text: '#2 b' })).toBeGreaterThan(0.9);
  });
});

describe('compareLandmarks', () => {
  it('returns a strong conflict for a different kind of container', () => {
    expect(compareLandmarks({ role: 'main' }, { role: 'dialog' })).toBeLessThan(-1);
  });

  it('returns 1 when a stable attribute matches despite a translated label', () => {
    const anchor = { role: 'region', label: 'ticket', attrs: { 'data-test-id': 'p' } };
    expect(compareLandmarks(anchor, { ...anchor, label: 'ticket (de)' })).toBe(1);
  });
});
