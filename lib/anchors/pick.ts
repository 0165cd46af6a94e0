import { containerNames, nearText } from './containers';
import { rank, THRESHOLD, type Scored } from './rank';
import { scoreSignature } from './score';
import { looksLikeData } from './text';
import type { Signature } from './types';

/**
 * The rule that turns ranked candidates into one element or none (docs/adr/0005): a candidate
 * must pass the threshold; look-alikes (within MARGIN of the best) are told apart by the names
 * of their containers, then by the text just before them, never by position; a weak match is
 * taken only when translation explains every difference and structure leaves no other choice.
 */
export const MARGIN = 0.12;
/** Structure alone must match this well for a weak match (`weakMatch`): all of it. */
const STRUCTURE = 0.99;

/** Each scored signature's key, made once (look-alikes and the container rule both ask). */
const keyCache = new WeakMap<Signature, string>();

/** The element's own signals as one string: equal for exact look-alikes. */
export function ownKey(signature: Signature): string {
  const { tag, role, attrs, label, field, text } = signature;
  let key = keyCache.get(signature);
  if (key === undefined)
    keyCache.set(signature, (key = JSON.stringify([tag, role, attrs, label, field, text])));
  return key;
}

/** The same stable attributes, in the same order: what `ownKey`'s JSON of them compares. */
function sameAttrs(a: Signature['attrs'], b: Signature['attrs']): boolean {
  if (a === undefined || b === undefined) return a === b;
  const names = Object.keys(a);
  const others = Object.keys(b);
  return names.length === others.length && names.every((n, i) => n === others[i] && a[n] === b[n]);
}

/**
 * `ownKey(a) === ownKey(b)` without writing either out: a 700-card column's menus are each
 * compared with the anchor, and their keys would be made once each and never asked again.
 */
export const sameOwn = (a: Signature, b: Signature): boolean =>
  a.tag === b.tag &&
  a.role === b.role &&
  a.label === b.label &&
  a.field === b.field &&
  a.text === b.text &&
  sameAttrs(a.attrs, b.attrs);

/**
 * Text flagged as data only because a bare <div> carries it, and that reads like UI ("Details"):
 * it still tells the element from its neighbours when it matches; a field's value never does.
 */
export const uiText = (anchor: Signature): string | false | undefined =>
  anchor.data && !anchor.field && !looksLikeData(anchor.text ?? '') && anchor.text;

/**
 * Candidates the score cannot tell apart: above the threshold and within MARGIN of the best. A
 * wrapper with the same signals as an element inside it (a div around a div, both "Details") is
 * that element's box, so only the innermost of them counts.
 */
export function lookAlikes(ranked: readonly Scored[], anchor?: Signature): Scored[] {
  const best = ranked[0]?.score ?? -Infinity;
  let alike = ranked.filter((entry) => entry.score >= THRESHOLD && best - entry.score < MARGIN);
  const text = anchor && uiText(anchor);
  const same = text ? alike.filter((entry) => entry.signature.text === text) : [];
  if (same.length > 0) alike = same;
  const keys = new Map(alike.map((entry) => [entry.element, ownKey(entry.signature)]));
  const boxes = new Set<Element>();
  for (const [element, key] of keys) {
    // Boxes are wrappers a few levels up; a look-alike further up is a container, not a box.
    let up = element.parentElement;
    for (let level = 0; up && level < 3; level += 1, up = up.parentElement) {
      if (keys.get(up) === key) boxes.add(up);
    }
  }
  return boxes.size === 0 ? alike : alike.filter((entry) => !boxes.has(entry.element));
}

export function startsWith(names: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((name, i) => names[i] === name);
}

/** A weaker look-alike that stayed in the element's containers makes a lone candidate doubtful. */
export const RIVAL = 0.35;

/**
 * Among look-alikes, the one in the recorded containers (and after the recorded text). Without
 * look-alikes when it was made, the anchor's containers only break later ties, and veto a lone
 * candidate elsewhere while a weaker look-alike is still in them: that is a copy, and the element
 * has changed where it was.
 */
function byContainer(
  anchor: Signature,
  alike: readonly Scored[],
  ranked: readonly Scored[],
): Element | undefined {
  const scope = anchor.scope ?? [];
  const only = alike.length === 1 ? alike[0] : undefined;
  if (anchor.nth === undefined && only) {
    const inPlace = (entry: Scored) => startsWith(containerNames(entry.element), scope);
    const rival = ranked.some((e) => e !== only && e.score >= RIVAL && inPlace(e));
    return inPlace(only) || !rival ? only.element : undefined;
  }
  // The text before it only tells apart exact copies of one another, never lesser matches. The
  // answer is certainly none once two are in the containers (with `near`: two after that text, or
  // two that are not copies): the look-alikes not yet looked at cannot change it (ADR 0007). Each
  // look-alike is looked at once; when all are copies, only those after the text are placed.
  const keys = alike.map((entry) => ownKey(entry.signature));
  const copies = keys.every((key) => key === keys[0]);
  const near = (entry: Scored) =>
    anchor.near === undefined || (nearText(entry.element) ?? '') === anchor.near;
  let first: string | undefined;
  let found: Element | undefined;
  for (const [i, entry] of alike.entries()) {
    const after = near(entry);
    if ((copies && !after) || !startsWith(containerNames(entry.element), scope)) continue;
    first ??= keys[i];
    if (keys[i] !== first || (after && found)) return undefined;
    if (after) found = entry.element;
  }
  return found;
}

/** The element among `ranked`, or undefined when none passes or look-alikes cannot be told apart. */
export function pick(anchor: Signature, ranked: readonly Scored[]): Element | undefined {
  const best = ranked[0];
  if (!best || best.score < THRESHOLD) return undefined;
  const alike = lookAlikes(ranked, anchor);
  if (anchor.scope === undefined && anchor.nth === undefined) {
    return alike.length === 1 ? alike[0]?.element : undefined;
  }
  return byContainer(anchor, alike, ranked);
}

const WORDS = ['label', 'text', 'field'] as const;

function withoutWords(anchor: Signature): Signature {
  const structure = { ...anchor };
  for (const key of [...WORDS, 'data'] as const) delete structure[key];
  return structure;
}

/** Words that would still be on the page if it had not been translated (record data is not). */
function words(anchor: Signature): (typeof WORDS)[number][] {
  return WORDS.filter((key) => anchor[key] !== undefined && !(key === 'text' && anchor.data));
}

function sharesWords(anchor: Signature, candidate: Signature): boolean {
  return words(anchor).some((key) => candidate[key] === anchor[key]);
}

/** Words of the containers around an element: the region's label, its container names. */
function contextWords(signature: Signature, names: readonly string[]): string[] {
  const all = [signature.landmark?.label, ...names];
  return all.filter((word): word is string => word !== undefined && !looksLikeData(word));
}

/**
 * A candidate under the threshold only because its words differ is the element when the page
 * was translated, and structure leaves no other choice:
 * - translated: the document's `lang` changed since the anchor was made, or the words of the
 *   anchor's containers (its region's label, its container names) are all gone around the
 *   candidate too. Without that evidence a missing word means a missing element (Save removed,
 *   Cancel left beside it), and the answer is null;
 * - the anchor's own words are on no candidate (else this is the same UI without the element);
 * - the anchor has structure to go by (attributes, a landmark or ancestors), exactly one element
 *   has that structure, and binding container names, if any, still match.
 */
export function weakMatch(
  root: Document | ShadowRoot,
  anchor: Signature,
  langChanged: boolean,
): Element | undefined {
  const structure = withoutWords(anchor);
  const binding = anchor.nth !== undefined ? (anchor.scope ?? []) : [];
  const hasStructure =
    structure.attrs || structure.landmark || structure.ancestors?.length || binding.length > 0;
  if (words(anchor).length === 0 || !hasStructure) return undefined;
  const everyone = rank(root, anchor, -Infinity);
  if (everyone.some((entry) => sharesWords(anchor, entry.signature))) return undefined;
  const same = everyone.filter(
    (e) =>
      scoreSignature(structure, e.signature) >= STRUCTURE &&
      startsWith(containerNames(e.element), binding),
  );
  const only = same.length === 1 ? same[0] : undefined;
  if (!only) return undefined;
  const names = containerNames(only.element);
  const before = contextWords(anchor, anchor.scope ?? []);
  const after = new Set(contextWords(only.signature, names));
  const translated = langChanged || (before.length > 0 && before.every((w) => !after.has(w)));
  return translated ? only.element : undefined;
}
