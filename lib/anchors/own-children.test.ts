import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { kindKey, ownChildren } from './containers';

/** A child drawn from few kinds, so repeats are common; `|` in a class or role joins parts alike. */
const child = fc.record({
  tag: fc.constantFrom('div', 'li', 'h2'),
  type: fc.constantFrom(undefined, '', 'a', 'a|b', 'x'),
  role: fc.constantFrom(undefined, '', 'row', 'b|'),
});

describe('ownChildren', () => {
  it('keeps the children whose kind (kindKey) no other child shares, in order', () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 12 }), (drawn) => {
        const { document } = new JSDOM('<body></body>').window;
        for (const { tag, type, role } of drawn) {
          const element = document.createElement(tag);
          if (type !== undefined) element.setAttribute('class', type);
          if (role !== undefined) element.setAttribute('role', role);
          document.body.append(element);
        }
        const children = Array.from(document.body.children);
        const keys = children.map(kindKey);
        const once = children.filter(
          (_, i) => keys.indexOf(keys[i]!) === keys.lastIndexOf(keys[i]!),
        );
        expect(ownChildren(document.body)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});
