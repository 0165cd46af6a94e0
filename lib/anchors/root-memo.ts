import { STABLE_ATTRS } from './stable-attrs';

/**
 * What the resolver learns about one root (a document or a shadow root) — query results, each
 * element's signals, container names — kept until the root's first mutation. A page of 20k
 * elements costs a full scan per query, and the beacons resolve their anchors again every second
 * on pages that mostly stand still, so the second and later resolves must not pay it again.
 *
 * Staleness is known exactly, without a standing observer: each memo has a MutationObserver that
 * disconnects itself at the first mutation (so it costs the page one callback per memo, not one
 * per change), and `takeRecords()` catches a mutation made in the same task, before the callback
 * has run. Without MutationObserver nothing is kept between calls. Only the attributes the resolver
 * reads count as a change (`READ`, filtered by the browser itself): pages rewrite `style`,
 * `data-state`, `aria-selected` and the like all the time, and none of them changes an answer.
 */
export interface RootMemo {
  readonly queries: Map<string, readonly Element[]>;
  readonly tables: Map<string, Map<unknown, unknown>>;
}

interface Entry {
  memo: RootMemo;
  observer: MutationObserver;
  stale: boolean;
}

type Root = Document | ShadowRoot;

const entries = new WeakMap<Root, Entry>();
/**
 * Every attribute lib/anchors reads, by name or in a selector (root-memo.test.ts checks the
 * sources against it); `src`/`srcdoc` change the document a frame leads into.
 */
export const READ = [
  ...STABLE_ATTRS,
  ...'role class aria-label aria-labelledby aria-expanded aria-haspopup alt placeholder title for value href lang field-label data-label data-field-label src srcdoc'.split(
    ' ',
  ),
];
const OBSERVED: MutationObserverInit = {
  subtree: true,
  childList: true,
  attributeFilter: READ,
  characterData: true,
};

const empty = (): RootMemo => ({ queries: new Map(), tables: new Map() });

function observerFor(root: Root): typeof MutationObserver | undefined {
  const document = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  return document?.defaultView?.MutationObserver;
}

/**
 * Roots whose memo was found current in the running resolve. One resolve is one synchronous call
 * that does not change the page, so each memo is checked once per resolve, not at every lookup.
 */
let checked: Set<Root> | undefined;

/** Runs `work` as one resolve: each root's memo is checked once (a nested call ends it early). */
export function checkedOnce<T>(work: () => T): T {
  checked = new Set();
  try {
    return work();
  } finally {
    checked = undefined;
  }
}

/** The memo of `root`, started afresh when the root changed since it was made. */
export function memoOf(root: Root): RootMemo {
  const entry = entries.get(root);
  if (entry && !entry.stale && (checked?.has(root) || !entry.observer.takeRecords().length)) {
    checked?.add(root);
    return entry.memo;
  }
  entry?.observer.disconnect();
  const Observer = observerFor(root);
  if (Observer === undefined) return empty();
  const fresh: Entry = { memo: empty(), stale: false, observer: undefined as never };
  fresh.observer = new Observer(() => {
    fresh.stale = true;
    fresh.observer.disconnect();
  });
  fresh.observer.observe(root, OBSERVED);
  entries.set(root, fresh);
  return fresh.memo;
}

/** The root an element belongs to (its document, or the shadow root it sits in). */
export function rootOf(node: Node): Root {
  return node.getRootNode() as Root;
}

/** `compute(key)` once per root state, under the table `name`. */
export function remember<K, V>(root: Root, name: string, key: K, compute: (key: K) => V): V {
  const memo = memoOf(root);
  let table = memo.tables.get(name);
  if (table === undefined) {
    table = new Map();
    memo.tables.set(name, table);
  }
  let value = table.get(key) as V | undefined;
  if (value !== undefined || table.has(key)) return value as V;
  value = compute(key);
  table.set(key, value);
  return value;
}

/** `root.querySelectorAll(selector)` as an array, once per root state. */
export function queryAll(root: Root, selector: string): readonly Element[] {
  const memo = memoOf(root);
  let found = memo.queries.get(selector);
  if (found === undefined) {
    found = Array.from(root.querySelectorAll(selector));
    memo.queries.set(selector, found);
  }
  return found;
}

/** `a` and `b`, each in document order, as one list in document order without repeats. */
function merged(a: readonly Element[], b: readonly Element[]): Element[] {
  const out: Element[] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    const [x, y] = [a[i]!, b[j]!];
    // The first of the two in document order goes next; one element in both, once.
    const first = x === y || x.compareDocumentPosition(y) & 4 /* FOLLOWING */ ? x : y;
    out.push(first);
    if (first === x) i += 1;
    if (first === y) j += 1;
  }
  return out.concat(a.slice(i), b.slice(j));
}

/**
 * What `select(selectors.join(','))` answers (every element matching any of them, in document
 * order), from each selector asked alone: Chromium answers a lone tag on its fast path, while a
 * list is matched element by element against each of its selectors (`a,[role="link"]`: 0.5–0.7
 * ms on 20k elements, `a` and `[role="link"]` alone 0.1–0.2 ms each).
 */
export function selectAny(
  selectors: readonly string[],
  select: (selector: string) => readonly Element[],
): readonly Element[] {
  let all: readonly Element[] = [];
  for (const selector of selectors) {
    const found = select(selector);
    if (found.length > 0) all = all.length === 0 ? found : merged(all, found);
  }
  return all;
}

/** `queryAll(root, selectors.join(','))`, each selector queried alone (`selectAny`). */
export function queryAny(root: Root, selectors: readonly string[]): readonly Element[] {
  if (selectors.length === 1) return queryAll(root, selectors[0]!);
  const memo = memoOf(root);
  const key = selectors.join(',');
  let found = memo.queries.get(key);
  if (found === undefined) {
    found = selectAny(selectors, (selector) => queryAll(root, selector));
    memo.queries.set(key, found);
  }
  return found;
}

/**
 * What `container.querySelectorAll(selector)` answers for a tag or attribute selector, read from
 * `all` (the root's answer, in document order): the run of them just after the container that it
 * contains, found by halving. A grid's 2,000 preview buttons are then queried once, not again for
 * the container that holds them all.
 */
export function within(all: readonly Element[], container: Element): Element[] {
  let [low, high] = [0, all.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (container.compareDocumentPosition(all[middle]!) & 4 /* FOLLOWING */) high = middle;
    else low = middle + 1;
  }
  const inside: Element[] = [];
  for (let i = low; i < all.length; i += 1) {
    if (!(container.compareDocumentPosition(all[i]!) & 16) /* CONTAINED_BY */) break;
    inside.push(all[i]!);
  }
  return inside;
}
