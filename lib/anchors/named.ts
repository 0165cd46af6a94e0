import { HEADERISH, nameOf } from './containers';
import { queryAll, remember } from './root-memo';
import { nameText } from './text';

type Root = Document | ShadowRoot;

/** The letters a–z and digits of lowercased text: what normalising a key cell's text keeps. */
const kept = (text: string): string => text.toLowerCase().replace(/[^a-z\d]+/g, '');

/**
 * Every container of `root` whose own name (containers.ts `nameOf`) is `name`, found from the
 * name instead of from the elements inside: the one row keyed "Ada Lovelace" among 2,500 rows
 * without naming the other 2,499. Undefined when `name` has no letter or digit to look for.
 *
 * Exact: every container so named is among those tested, and each is kept only if `nameOf` says
 * so. By its source:
 * - a label: every `aria-labelledby`, and each `aria-label` holding the name's longest run
 *   without spaces (ASCII, matched ASCII-caseless; `k` and a dotted `i` may come from other
 *   letters, so runs stop there);
 * - a heading: the ancestors of every heading-like element (HEADERISH) whose text is the name,
 *   through one of their first two children;
 * - a row's key cell: its name is the normalised text of the cell's text nodes, which keeps their
 *   letters a–z and digits in order (`İ` and the Kelvin sign lowercase to `i` and `k`), so the
 *   cell's first text node holding any of them holds a start of the name's, or the name's are a
 *   start of its own (a start of the node's text is enough to tell: a start of a start passes too).
 */
export function containersNamed(root: Root, name: string): ReadonlySet<Element> | undefined {
  const key = kept(name);
  if (key === '') return undefined;
  return remember(root, 'named', name, () => {
    const found = new Set<Element>();
    // Every ancestor of a source is asked, once.
    const seen = new Set<Element>();
    const climb = (from: Element | null): void => {
      for (let at = from; at && !seen.has(at); at = at.parentElement) {
        seen.add(at);
        if (nameOf(at)?.text === name) found.add(at);
      }
    };
    const run = name.match(/(?:[!-hjl-~]|i(?!\u0307))+/g)?.sort((a, b) => b.length - a.length)[0];
    const labelled = run ? `[aria-label*="${run.replace(/["\\]/g, '\\$&')}" i]` : '[aria-label]';
    // Labelled and heading-like elements in one pass over the page.
    for (const element of queryAll(root, `[aria-labelledby],${labelled},${HEADERISH}`)) {
      if (element.matches('[aria-labelledby],[aria-label]') || nameText(element) === name)
        climb(element);
    }
    const cut = 4 * key.length + 16;
    const walker = (root.ownerDocument ?? root).createTreeWalker(root, 4 /* text */);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const value = text.nodeValue ?? '';
      const held = kept(value.slice(0, cut)) || kept(value.slice(cut));
      if (held !== '' && (key.startsWith(held) || held.startsWith(key))) climb(text.parentElement);
    }
    return found;
  });
}
