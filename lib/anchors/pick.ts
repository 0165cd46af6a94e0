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

export function lookAlikes(ranked: readonly Scored[]): Scored[] {
  const best = ranked[0]?.score ?? -Infinity;
  return ranked.filter((entry) => entry.score >= THRESHOLD && best - entry.score < MARGIN);
}

export function startsWith(names: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((name, i) => names[i] === name);
}

/** Among look-alikes, the one in the recorded containers (and after the recorded text). */
function byContainer(anchor: Signature, alike: readonly Scored[]): Element | undefined {
  const scope = anchor.scope ?? [];
  // Without look-alikes when it was made, the anchor's containers only break later ties.
  if (anchor.nth === undefined && alike.length === 1) return alike[0]?.element;
  const pool = alike.filter(
    (entry) =>
      startsWith(containerNames(entry.element), scope) &&
      (anchor.near === undefined || (nearText(entry.element) ?? '') === anchor.near),
  );
  return pool.length === 1 ? pool[0]?.element : undefined;
}

/** The element among `ranked`, or undefined when none passes or look-alikes cannot be told apart. */
export function pick(anchor: Signature, ranked: readonly Scored[]): Element | undefined {
  const best = ranked[0];
  if (!best || best.score < THRESHOLD) return undefined;
  const alike = lookAlikes(ranked);
  if (anchor.scope === undefined && anchor.nth === undefined) {
    return alike.length === 1 ? best.element : undefined;
  }
  return byContainer(anchor, alike);
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
