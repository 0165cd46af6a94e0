import { byId } from './accessible-name';
import { remember, rootOf } from './root-memo';
import { roleOf } from './role';
import { BRACKETED_COUNT, boundedText, COUNT, nameText, normaliseText } from './text';

/**
 * The names of the containers an element sits in, nearest first: what tells the "New" of the
 * Contacts related list from the "New" of the Cases list, a board column's "Create" from the next
 * column's, one row's "Edit" from another's. A container is named by its own label
 * (`aria-label`, `aria-labelledby`), a row by its key cell, anything else by a heading (or a
 * header-like element) at its start. Unnamed wrappers add nothing, so wrapping does not change
 * the chain.
 */
const MAX_NAMES = 4;
/** Elements looked at when searching a container's start for its heading. */
const HEADER_BUDGET = 30;
const HEADING = /^(h[1-6]|legend|caption|summary)$/;
const HEADER_CLASS = /(^|[\s_-])(header|heading|title|caption)($|[\s_A-Z-])/i;
const CONTROLS = 'button, input, select, textarea, [role="button"], [role="checkbox"]';
/**
 * Every element `headerIn` can return (a heading, a disclosure button, a header-marked element),
 * and some more, as one selector: `[class*=head i]` holds HEADER_CLASS's words, as ASCII-caseless.
 */
export const HEADERISH =
  'h1,h2,h3,h4,h5,h6,legend,caption,summary,header,[role=heading],[aria-expanded],' +
  '[class*=head i],[class*=title i],[class*=caption i]';

interface Name {
  text: string;
  /** The elements the name was read from, when inside the container (a heading, a row's key cells). */
  sources?: readonly Element[];
}

/**
 * An element's element children, walked as siblings: jsdom's `children` collection looks up
 * named properties on every access (a scan of all children), which made a 2,500-row table cost
 * seconds per resolve there.
 */
export function childrenOf(element: Element): Element[] {
  const all: Element[] = [];
  for (let child = element.firstElementChild; child; child = child.nextElementSibling)
    all.push(child);
  return all;
}

const isHeading = (element: Element): boolean =>
  HEADING.test(element.localName) || element.getAttribute('role') === 'heading';

export const kindKey = (element: Element): string =>
  `${element.localName}|${element.getAttribute('class') ?? ''}|${element.getAttribute('role') ?? ''}`;

/**
 * `element`'s children without those repeated among them (cards of a list, columns of a board,
 * rows): a heading inside one of those names that item, not the container around them all.
 */
export function ownChildren(element: Element): Element[] {
  const children = childrenOf(element);
  // Each child's kind written once: a grid's 2,000 rows are each asked for it.
  const keys = children.map(kindKey);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  // Every child's kind is counted at least once: under two is once.
  return children.filter((_, i) => (counts.get(keys[i]!) ?? 0) < 2);
}

/** First heading (or header-like element) in the first elements of `child`'s subtree. */
function headerIn(child: Element): Element | undefined {
  let seen = 0;
  const queue: Element[] = [child];
  while (queue.length > 0 && seen++ < HEADER_BUDGET) {
    const element = queue.shift()!;
    // A heading, or the button that expands the section (the disclosure pattern of collapsible cards).
    if (isHeading(element) || isDisclosure(element)) return element;
    const marked =
      element.localName === 'header' || HEADER_CLASS.test(element.getAttribute('class') ?? '');
    if (marked && element.querySelector(CONTROLS) === null) return element;
    // Once per root state: from every ancestor of a grid the search reaches its 2,000 rows again.
    queue.push(...remember(rootOf(element), 'kin', element, ownChildren));
  }
  return undefined;
}

/** A button that shows or hides a section (not a menu or listbox it pops up). */
const isDisclosure = (element: Element): boolean =>
  element.hasAttribute('aria-expanded') &&
  !element.hasAttribute('aria-haspopup') &&
  roleOf(element) === 'button';

/** How many cells with text make a row's key when it has no row header. */
const KEY_CELLS = 2;

/**
 * A row's key: its row header, else its first two cells with text and no controls. One cell alone
 * is often shared by other records (an avatar's initials, a status badge, the customer of an
 * invoice), and a row named by it alone would pass for another record's row.
 */
function keyCells(row: Element): Element[] {
  const cells = childrenOf(row);
  const header = cells.find((c) => c.localName === 'th' || c.getAttribute('role') === 'rowheader');
  if (header) return [header];
  return cells
    .filter((cell) => cell.querySelector(CONTROLS) === null && boundedText(cell))
    .slice(0, KEY_CELLS);
}

/**
 * A container's own label (`aria-labelledby`, else `aria-label`), counts out as from a heading:
 * a related list labelled by its title "Opportunities (3)" is the same list at four.
 */
export function labelName(container: Element): string {
  const ids = container.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  // `aria-labelledby="title-3 badge-3"`: the badge's count is not part of the name.
  const labelled = ids
    .map((id) => byId(container, id))
    .map((source) => (source ? nameText(source) : ''))
    .filter((part) => part && !COUNT.test(part))
    .join(' ');
  const raw = labelled || container.getAttribute('aria-label');
  return normaliseText(raw?.replace(BRACKETED_COUNT, ' '));
}

/**
 * `ownChildren` among the first two children. Two of one kind (rows, cards) are both repeated,
 * which on a table of 2,000 rows is known without reading the other 1,998.
 */
function firstOwn(container: Element): Element[] {
  const one = container.firstElementChild;
  let first = [one, one?.nextElementSibling].filter((child): child is Element => Boolean(child));
  const [a, b] = first.map(kindKey);
  if (a === b) return [];
  for (let at = first[1]?.nextElementSibling; at && first.length > 0; at = at.nextElementSibling) {
    const key = kindKey(at);
    first = first.filter((child) => kindKey(child) !== key);
  }
  return first;
}

function ownName(container: Element): Name | undefined {
  const label = labelName(container);
  if (label) return { text: label };
  if (roleOf(container) === 'row') {
    const cells = keyCells(container);
    const text = normaliseText(cells.map(boundedText).join(' '));
    return text ? { text, sources: cells } : undefined;
  }
  for (const child of firstOwn(container)) {
    const header = headerIn(child);
    const text = header ? nameText(header) : '';
    if (header && text) return { text, sources: [header] };
  }
  return undefined;
}

/** The container's own name (a label, a row's key cells, a heading at its start), once per root state. */
export function nameOf(container: Element): Name | undefined {
  return remember(rootOf(container), 'name', container, ownName);
}

/** Names of the containers around `element`, nearest first (a heading around it is skipped). */
export function containerNames(element: Element): readonly string[] {
  return remember(rootOf(element), 'names', element, (at: Element) => {
    const parent = at.parentElement;
    if (!parent) return [];
    const name = nameOf(parent);
    const above = containerNames(parent);
    const own = name?.sources?.some((source) => source.contains(at));
    if (!name || own || above[0] === name.text) return above;
    return [name.text, ...above].slice(0, MAX_NAMES);
  });
}

/**
 * Text just before the element (a sibling's, else an ancestor's sibling's): what tells apart
 * look-alikes inside one container (the "Reply" under each message).
 */
export function nearText(element: Element): string | undefined {
  let at: Element | null = element;
  for (let level = 0; at && level < 3; level += 1, at = at.parentElement) {
    for (
      let sibling = at.previousElementSibling;
      sibling;
      sibling = sibling.previousElementSibling
    ) {
      const text = boundedText(sibling).slice(0, 40);
      if (text) return text;
    }
  }
  return undefined;
}
