import { LABELABLE, labelOf } from './accessible-name';
import { containerNames } from './containers';
import { runsOf } from './named';
import { lookAlikes, MARGIN, pick, startsWith } from './pick';
import { candidateParts, type Scored, scoreOne, sharedNames, THRESHOLD } from './rank';
import { queryAny } from './root-memo';
import { ownBound, scoreSignature } from './score';
import { attrsOf } from './signature';
import { roleOf } from './role';
import type { Signature } from './types';

type Root = Document | ShadowRoot;

/**
 * Whether `element`'s label (accessible-name.ts `labelOf`) may be the one whose runs are `runs`:
 * it is read from `aria-labelledby`, a `<label>` (of a labelable element), a legend, or else an
 * attribute that holds each run as it is (runsOf), ASCII-caseless.
 */
function mayBeLabelled(element: Element, runs: readonly string[]): boolean {
  const tag = element.localName;
  if (element.hasAttribute('aria-labelledby') || LABELABLE.has(tag) || tag === 'fieldset')
    return true;
  return LABEL_ATTRS.some((name) => {
    const raw = name === 'alt' && tag !== 'img' ? null : element.getAttribute(name);
    const lower = raw?.toLowerCase();
    return lower !== undefined && runs.every((run) => lower.includes(run));
  });
}

const LABEL_ATTRS = ['aria-label', 'alt', 'placeholder', 'title'];

/**
 * Whether `element` may score `floor`, read from its cheap signals (tag, role, stable attributes),
 * then its label: the signals not read yet are taken as the anchor's own, a match being the most
 * any signal adds (one that matches adds as much to what was gained as to what was possible). A
 * label that cannot be the anchor's is read as none, the most any other label adds.
 */
function mayReach(
  anchor: Signature,
  element: Element,
  shared: ReadonlySet<string>,
  floor: number,
): boolean {
  const { label, field, text, data } = anchor;
  // A signal the anchor does not carry is not compared: it is not read either.
  const cheap = {
    tag: element.localName,
    role: anchor.role === undefined ? undefined : roleOf(element),
    attrs: anchor.attrs === undefined ? undefined : attrsOf(element),
  };
  if (ownBound(anchor, { ...cheap, label, field, text, data }, shared) < floor) return false;
  if (label === undefined) return true;
  const own = mayBeLabelled(element, runsOf(label)) ? labelOf(element) : undefined;
  return ownBound(anchor, { ...cheap, label: own, field, text, data }, shared) >= floor;
}

/**
 * What `pick(anchor, rank(root, anchor, RIVAL))` answers (locate.ts) for an anchor made without
 * look-alikes (no `nth`), read from the candidates that could be look-alikes of a perfect match
 * instead of from every candidate scored down to the rival floor: the link "Account 499" among
 * 2,000 account links, each told apart by its label before its text, field and context are read.
 *
 * Exact. No element scores above the anchor's own score (`top`); once one scores `top`, the page's
 * look-alikes are those within MARGIN of it, all among the candidates kept here (`rank`'s own:
 * identity carriers when one passes, else the anchor's kind), and the rule reads nothing else,
 * except when one look-alike is left outside the recorded containers: then weaker rivals inside
 * them decide (ADR 0007, rule 6), and so does the whole page (undefined).
 */
export function pickLone(root: Root, anchor: Signature): Element | null | undefined {
  const shared = sharedNames(root, anchor);
  const top = scoreSignature(anchor, anchor, shared);
  if (top < THRESHOLD) return undefined;
  const floor = top - MARGIN;
  const ranked: Scored[] = [];
  for (const element of queryAny(root, candidateParts(anchor))) {
    if (!mayReach(anchor, element, shared, floor)) continue;
    const entry = scoreOne(anchor, element, floor, shared);
    if (entry) ranked.push(entry);
  }
  ranked.sort((a, b) => b.score - a.score);
  if (ranked[0]?.score !== top) return undefined;
  const alike = lookAlikes(ranked, anchor);
  const only = alike.length === 1 ? alike[0] : undefined;
  if (only && anchor.scope && !startsWith(containerNames(only.element), anchor.scope))
    return undefined;
  return pick(anchor, ranked) ?? null;
}
