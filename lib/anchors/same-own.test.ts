import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownKey, sameOwn } from './pick';
import type { Signature } from './types';

// Few values, so that equal and near-equal signatures are drawn often.
const word = fc.constantFrom('new', 'more actions', 'done', 'a', '');
const optional = fc.option(word, { nil: undefined });
const attrs = fc.option(
  fc
    .uniqueArray(fc.tuple(fc.constantFrom('data-testid', 'name', 'type', 'id'), word), {
      selector: ([name]) => name,
      maxLength: 3,
    })
    .map((entries) => Object.fromEntries(entries)),
  { nil: undefined },
);
const signature: fc.Arbitrary<Signature> = fc
  .record({
    tag: fc.constantFrom('button', 'a'),
    role: optional,
    label: optional,
    field: optional,
    text: optional,
    attrs,
    data: fc.option(fc.boolean(), { nil: undefined }),
    near: optional,
  })
  .map((drawn) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(drawn)) if (value !== undefined) out[key] = value;
    return out as unknown as Signature;
  });

describe('sameOwn', () => {
  it('says two signatures are the same exactly when their own keys are equal', () => {
    fc.assert(
      fc.property(signature, signature, (a, b) => {
        expect(sameOwn(a, b)).toBe(ownKey(a) === ownKey(b));
        expect(sameOwn(a, { ...a })).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells attributes apart by their order, as the key does', () => {
    const a: Signature = { tag: 'button', attrs: { name: 'x', type: 'button' } };
    const b: Signature = { tag: 'button', attrs: { type: 'button', name: 'x' } };
    expect(sameOwn(a, b)).toBe(false);
    expect(ownKey(a) === ownKey(b)).toBe(false);
    expect(sameOwn(a, { tag: 'button' })).toBe(false);
    expect(sameOwn({ tag: 'button', attrs: {} }, { tag: 'button' })).toBe(false);
  });
});
