import { queryAll } from './root-memo';
import { ownBound, scoreSignature } from './score';
import { contextSignals, ownSignals } from './signature';
import { STABLE_ATTRS } from './stable-attrs';
import type { Signature } from './types';

/** Scores below this are "not the element"; see docs/adr/0005-weak-match-or-null.md. */
export const THRESHOLD = 0.55;

export interface Scored {
  element: Element;
  score: number;
  signature: Signature;
}

type Root = Document | ShadowRoot;

const quote = (value: string): string =>
  `"${value.replace(/["\\]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;

/** Attributes that name one element (test ids, `name`, a hand-written `id`), not a kind. */
export function identityNames(anchor: Signature): string[] {
  return Object.keys(anchor.attrs ?? {}).filter(
    (name) =>
      name !== 'type' && name !== 'form' && (STABLE_ATTRS as readonly string[]).includes(name),
  );
}

const selectorFor = (anchor: Signature, name: string): string =>
  `[${name}=${quote(anchor.attrs?.[name] ?? '')}]`;

/** Elements carrying one of the anchor's identity attributes with its value: few, and usually it. */
function byIdentity(root: Root, anchor: Signature): readonly Element[] {
  const selector = identityNames(anchor)
    .map((name) => selectorFor(anchor, name))
    .join(',');
  return selector === '' ? [] : queryAll(root, selector);
}

/** Identity attributes whose value several elements of `root` share: a widget type, not an id. */
function sharedNames(root: Root, anchor: Signature): Set<string> {
  const names = identityNames(anchor);
  return new Set(names.filter((name) => queryAll(root, selectorFor(anchor, name)).length > 1));
}

/** Elements of the anchor's tag or explicit role. */
function byKind(root: Root, anchor: Signature): readonly Element[] {
  const role = anchor.role ? `,[role=${quote(anchor.role)}]` : '';
  return queryAll(root, `${anchor.tag}${role}`);
}

/**
 * Scores `elements` against `anchor`, best first. Each element's own signals are read first (and
 * kept for the root's lifetime); only those that could still pass the threshold have their
 * context (landmark, ancestors) read.
 */
function score(
  anchor: Signature,
  elements: Iterable<Element>,
  floor: number,
  shared: ReadonlySet<string>,
): Scored[] {
  const scored: Scored[] = [];
  for (const element of elements) {
    const own = ownSignals(element);
    if (ownBound(anchor, own, shared) < floor) continue;
    const signature = { ...own, ...contextSignals(element) };
    scored.push({ element, score: scoreSignature(anchor, signature, shared), signature });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * Candidates in `root` for `anchor`, best first. Narrowed before scoring: elements with the
 * anchor's identity attributes when one of them passes the threshold (on a page of 20k elements
 * these are a handful), else every element of its tag or role.
 */
export function rank(root: Root, anchor: Signature, floor = THRESHOLD): Scored[] {
  const shared = sharedNames(root, anchor);
  const strong = score(anchor, byIdentity(root, anchor), floor, shared);
  if ((strong[0]?.score ?? -Infinity) >= THRESHOLD) return strong;
  const all = new Set([...byKind(root, anchor), ...byIdentity(root, anchor)]);
  return score(anchor, all, floor, shared);
}
