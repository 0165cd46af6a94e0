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

const identityParts = (anchor: Signature): string[] =>
  identityNames(anchor).map((name) => selectorFor(anchor, name));

const identitySelector = (anchor: Signature): string => identityParts(anchor).join(',');

/** Elements of the anchor's tag or explicit role, one selector each. */
const kindParts = (anchor: Signature): string[] =>
  anchor.role ? [anchor.tag, `[role=${quote(anchor.role)}]`] : [anchor.tag];

const kindSelector = (anchor: Signature): string => kindParts(anchor).join(',');

/**
 * What `rank` scores when the element is there as recorded: its identity carriers, else its kind,
 * as the selectors of one list (`candidateSelector` is that list).
 */
export function candidateParts(anchor: Signature): string[] {
  const identity = identityParts(anchor);
  return identity.length > 0 ? identity : kindParts(anchor);
}

export const candidateSelector = (anchor: Signature): string => candidateParts(anchor).join(',');

/** Elements carrying one of the anchor's identity attributes with its value: few, and usually it. */
function byIdentity(root: Root, anchor: Signature): readonly Element[] {
  const selector = identitySelector(anchor);
  return selector === '' ? [] : queryAll(root, selector);
}

/** Identity attributes whose value several elements of `root` share: a widget type, not an id. */
export function sharedNames(root: Root, anchor: Signature): Set<string> {
  const names = identityNames(anchor);
  return new Set(names.filter((name) => queryAll(root, selectorFor(anchor, name)).length > 1));
}

function byKind(root: Root, anchor: Signature): readonly Element[] {
  return queryAll(root, kindSelector(anchor));
}

/**
 * `element` scored against `anchor`, or undefined when its own signals (read first, and kept for
 * the root's state) keep it under `floor`: only those that could still pass have their context
 * (landmark, ancestors) read.
 */
export function scoreOne(
  anchor: Signature,
  element: Element,
  floor: number,
  shared: ReadonlySet<string>,
): Scored | undefined {
  const own = ownSignals(element);
  if (ownBound(anchor, own, shared) < floor) return undefined;
  const signature = { ...own, ...contextSignals(element) };
  return { element, score: scoreSignature(anchor, signature, shared), signature };
}

/** `elements` scored against `anchor`, best first, those under `floor` left out. */
function score(
  anchor: Signature,
  elements: Iterable<Element>,
  floor: number,
  shared: ReadonlySet<string>,
): Scored[] {
  const scored: Scored[] = [];
  for (const element of elements) {
    const entry = scoreOne(anchor, element, floor, shared);
    if (entry) scored.push(entry);
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
