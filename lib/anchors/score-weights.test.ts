import { describe, expect, it } from 'vitest';
import { compareLandmarks, identityAgrees, ownBound, scoreSignature } from './score';
import type { Signature } from './types';

/**
 * Each signal's effect on the score, one at a time, with the expected value worked out by hand
 * from the weights in score.ts (tag 1, role 1, label/field/text 3, record text 0.5, landmark 3,
 * ancestors 2; attributes: type 1, form 2, id/name/data-field 3, any other (test ids) 4) and the
 * conflict values (tag −2, role −1, attribute −1, label −0.7, text −0.5, landmark −1, absent
 * label −0.3). score = Σ weight × similarity / Σ weight; an anchor without a landmark counts a
 * candidate without one as a match (weight 3, similarity 1).
 */
const score = (anchor: Signature, candidate: Signature) => scoreSignature(anchor, candidate);

describe('scoreSignature, signal by signal', () => {
  it('penalises a different tag by −2', () => {
    // (1·−2 + 3) / (1 + 3)
    expect(score({ tag: 'button' }, { tag: 'a' })).toBeCloseTo(0.25, 10);
  });

  it('penalises a different role by −1', () => {
    // (1 + 1·−1 + 3) / (1 + 1 + 3)
    expect(score({ tag: 'div', role: 'button' }, { tag: 'div', role: 'link' })).toBeCloseTo(
      0.6,
      10,
    );
  });

  it('weighs each kind of attribute by how much it says about identity', () => {
    const attrs = { type: 't', form: 'f', id: 'i', name: 'n', 'data-field': 'd', 'data-qa': 'q' };
    // A candidate with none of them: (1 + 3) / (1 + 1 + 2 + 3 + 3 + 3 + 4 + 3)
    expect(score({ tag: 'input', attrs }, { tag: 'input' })).toBeCloseTo(0.2, 10);
  });

  it('penalises a conflicting attribute by −1 and counts a missing one as no evidence', () => {
    const anchor: Signature = { tag: 'input', attrs: { name: 'email' } };
    // (1 + 3·−1 + 3) / 7 and (1 + 0 + 3) / 7
    expect(score(anchor, { tag: 'input', attrs: { name: 'mail' } })).toBeCloseTo(1 / 7, 10);
    expect(score(anchor, { tag: 'input' })).toBeCloseTo(4 / 7, 10);
  });

  it('penalises a different label by −0.7 and a missing one by −0.3', () => {
    const anchor: Signature = { tag: 'input', label: 'Email' };
    expect(score(anchor, { tag: 'input', label: 'Mail' })).toBeCloseTo(1.9 / 7, 10);
    expect(score(anchor, { tag: 'input' })).toBeCloseTo(3.1 / 7, 10);
  });

  it('treats the field a value belongs to like a label', () => {
    const anchor: Signature = { tag: 'span', field: 'Phone' };
    expect(score(anchor, { tag: 'span', field: 'Fax' })).toBeCloseTo(1.9 / 7, 10);
    expect(score(anchor, { tag: 'span', field: 'Phone' })).toBe(1);
  });

  it('returns 1 for the same text when no attribute vouches for the element', () => {
    expect(score({ tag: 'button', text: 'save' }, { tag: 'button', text: 'save' })).toBe(1);
  });

  it('counts a different label for nothing when the identity attributes agree (a translation)', () => {
    const anchor: Signature = { tag: 'button', attrs: { name: 'save' }, label: 'Save' };
    expect(score(anchor, { ...anchor, label: 'Speichern' })).toBe(1);
  });

  it('penalises a different text by −0.5', () => {
    expect(score({ tag: 'button', text: 'save' }, { tag: 'button', text: 'cancel' })).toBeCloseTo(
      2.5 / 7,
      10,
    );
  });

  it('lets record text confirm with weight 0.5 but never contradict', () => {
    const anchor: Signature = { tag: 'h2', text: '#1 a', data: true };
    expect(score(anchor, { tag: 'h2', text: '#2 b' })).toBeCloseTo(4 / 4.5, 10);
    expect(score(anchor, { tag: 'h2', text: '#1 a' })).toBe(1);
  });

  it('does not excuse a different label on the strength of a matching type or form alone', () => {
    const anchor: Signature = { tag: 'button', attrs: { type: 'submit' }, label: 'save' };
    // (1 + 1 + 3·−0.7 + 3) / (1 + 1 + 3 + 3)
    expect(score(anchor, { ...anchor, label: 'cancel' })).toBeCloseTo(2.9 / 8, 10);
    const inForm: Signature = { tag: 'button', attrs: { form: 'f' }, text: 'save' };
    // (1 + 2 + 3·−0.5 + 3) / (1 + 2 + 3 + 3)
    expect(score(inForm, { ...inForm, text: 'cancel' })).toBeCloseTo(4.5 / 9, 10);
  });

  it('counts the share of the anchor’s ancestor tokens the candidate has, with weight 2', () => {
    const anchor: Signature = { tag: 'td', ancestors: ['a', 'b', 'c', 'd'] };
    expect(score(anchor, { tag: 'td', ancestors: ['a', 'c', 'x'] })).toBeCloseTo(5 / 6, 10);
    expect(score(anchor, { tag: 'td' })).toBeCloseTo(4 / 6, 10);
    expect(score({ tag: 'td', ancestors: [] }, { tag: 'td' })).toBe(1);
  });

  it('weighs the landmark 3', () => {
    const anchor: Signature = { tag: 'td', landmark: { role: 'main' } };
    // (1 + 3·−1) / 4: the candidate is outside any landmark
    expect(score(anchor, { tag: 'td' })).toBeCloseTo(-0.5, 10);
  });
});

describe('ownBound', () => {
  it('returns the best score the candidate could reach with a matching context', () => {
    const anchor: Signature = { tag: 'td', landmark: { role: 'main' }, ancestors: ['a', 'b'] };
    expect(ownBound(anchor, { tag: 'td' })).toBe(1);
    // (1·−2 + 3 + 2) / 6
    expect(ownBound(anchor, { tag: 'th' })).toBeCloseTo(0.5, 10);
    expect(ownBound({ tag: 'td' }, { tag: 'th' })).toBeCloseTo(0.25, 10);
    expect(scoreSignature(anchor, { tag: 'td' })).toBeCloseTo(-2 / 6, 10);
  });
});

describe('identityAgrees', () => {
  const ids = { id: 'x', name: 'n' };

  it('returns true only when every identity attribute matches', () => {
    expect(identityAgrees({ tag: 'input', attrs: ids }, { tag: 'input', attrs: ids })).toBe(true);
    expect(
      identityAgrees({ tag: 'input', attrs: ids }, { tag: 'input', attrs: { ...ids, name: 'm' } }),
    ).toBe(false);
  });

  it('returns false for an anchor with no identity attributes, or only type and form', () => {
    expect(identityAgrees({ tag: 'input' }, { tag: 'input' })).toBe(false);
    const typed = { type: 'submit', form: 'f' };
    expect(identityAgrees({ tag: 'input', attrs: typed }, { tag: 'input', attrs: typed })).toBe(
      false,
    );
  });

  it('ignores attributes whose values several elements of the page share', () => {
    const attrs = { 'data-automation-id': 'textView' };
    const shared = new Set(['data-automation-id']);
    expect(identityAgrees({ tag: 'div', attrs }, { tag: 'div', attrs }, shared)).toBe(false);
  });
});

describe('compareLandmarks, case by case', () => {
  it('returns 1 when neither has a landmark, 0 when only the candidate has one', () => {
    expect(compareLandmarks(undefined, undefined)).toBe(1);
    expect(compareLandmarks(undefined, { role: 'main' })).toBe(0);
  });

  it('returns −1 when the candidate has none', () => {
    expect(compareLandmarks({ role: 'main' })).toBe(-1);
  });

  it('returns −2 for a different role', () => {
    expect(compareLandmarks({ role: 'main' }, { role: 'dialog' })).toBe(-2);
  });

  it('decides by the first attribute both carry: 1 when equal, −1.5 when not', () => {
    const anchor = { role: 'region', attrs: { 'data-a': '1', 'data-b': '2' } };
    expect(compareLandmarks(anchor, { role: 'region', attrs: { 'data-b': '2' } })).toBe(1);
    expect(compareLandmarks(anchor, { role: 'region', attrs: { 'data-b': '3' } })).toBe(-1.5);
    expect(
      compareLandmarks(anchor, { role: 'region', attrs: { 'data-a': '9', 'data-b': '2' } }),
    ).toBe(-1.5);
  });

  it('compares labels when no attribute decides: 1 when equal, −1 when not', () => {
    expect(compareLandmarks({ role: 'form', label: 'a' }, { role: 'form', label: 'a' })).toBe(1);
    expect(compareLandmarks({ role: 'form', label: 'a' }, { role: 'form', label: 'b' })).toBe(-1);
  });

  it('returns 0.5 for the same role with nothing else to compare', () => {
    expect(compareLandmarks({ role: 'main' }, { role: 'main' })).toBe(0.5);
    expect(compareLandmarks({ role: 'form', label: 'a' }, { role: 'form' })).toBe(0.5);
    expect(compareLandmarks({ role: 'region', attrs: { 'data-a': '1' } }, { role: 'region' })).toBe(
      0.5,
    );
  });
});
