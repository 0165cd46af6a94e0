import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { queryAny, selectAny, within } from './root-memo';

/** One element of a drawn page: its tag, its role, and how many levels it nests under the last. */
const node = fc.record({
  tag: fc.constantFrom('a', 'button', 'div', 'span'),
  role: fc.constantFrom(undefined, 'link', 'button'),
  depth: fc.nat(2),
});

/** A page of drawn elements, nested by their depths, so matches interleave and hold each other. */
function pageOf(nodes: readonly { tag: string; role?: string; depth: number }[]): Document {
  const { document } = new JSDOM('<body></body>').window;
  let parent: Element = document.body;
  for (const { tag, role, depth } of nodes) {
    const element = document.createElement(tag);
    if (role) element.setAttribute('role', role);
    for (let up = 0; up < depth && parent !== document.body; up += 1)
      parent = parent.parentElement!;
    parent.append(element);
    parent = element;
  }
  return document;
}

const lists = fc.constantFrom(
  ['a', '[role="link"]'],
  ['button', '[role="button"]'],
  ['[role="link"]', 'a', 'button'],
  ['span'],
);

describe('selectAny', () => {
  it('answers what the selector list answers, in document order without repeats', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 40 }), lists, (nodes, selectors) => {
        const document = pageOf(nodes);
        const each = (selector: string) => Array.from(document.querySelectorAll(selector));
        const list = each(selectors.join(','));
        expect(selectAny(selectors, each)).toEqual(list);
        expect(queryAny(document, selectors)).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
});

describe('within', () => {
  it("answers the container's own query, from the root's answer, for every element as container", () => {
    const selectors = fc.constantFrom('a', '[role="link"]', 'button', 'div');
    fc.assert(
      fc.property(fc.array(node, { maxLength: 40 }), selectors, (nodes, selector) => {
        const document = pageOf(nodes);
        const all = Array.from(document.querySelectorAll(selector));
        for (const container of [document.body, ...Array.from(document.body.querySelectorAll('*'))])
          expect(within(all, container)).toEqual(Array.from(container.querySelectorAll(selector)));
      }),
      { numRuns: 300 },
    );
  });
});
