import { containerNames, nearText } from './containers';
import { pickLone } from './lone';
import { containersNamed } from './named';
import { lookAlikes, MARGIN, ownKey, pick, sameOwn, startsWith, uiText } from './pick';
import {
  candidateParts,
  identityNames,
  type Scored,
  scoreOne,
  sharedNames,
  THRESHOLD,
} from './rank';
import { queryAll, selectAny, within } from './root-memo';
import { scoreSignature } from './score';
import { ownFromCopy } from './own-from-copy';
import { attrsAmong, type OwnSignals, ownSignals } from './signature';
import type { Signature } from './types';

/** What one decision inside the containers reads, worked out once. */
interface Decision {
  anchor: Signature;
  /** The root, when the candidates are its identity carriers (each queried on it already). */
  root?: Document | ShadowRoot;
  scope: readonly string[];
  /** The candidates' selectors (`candidateParts`), and the list they make. */
  parts: readonly string[];
  selector: string;
  shared: ReadonlySet<string>;
  /** The anchor's own score: no element scores above it. */
  top: number;
  /** `lookAlikes` keeps those with this text when any look-alike on the page has it. */
  text: string | false | undefined;
  /** Stable attributes by the values they were read from (`attrsAmong`). */
  attrs: Map<string, Record<string, string> | undefined>;
  /** Own signals by the markup they were read from (`ownFromCopy`). */
  own: Map<string, OwnSignals>;
}

/** `ownSignals`, its stable attributes judged once per set of values (`attrsAmong`). */
function own(d: Decision, element: Element): OwnSignals {
  attrsAmong(element, d.attrs);
  return ownSignals(element);
}

const isAlike = (d: Decision, entry: Scored): boolean =>
  entry.score >= THRESHOLD && d.top - entry.score < MARGIN;

const isAfter = (d: Decision, element: Element): boolean =>
  d.anchor.near === undefined || (nearText(element) ?? '') === d.anchor.near;

/** An exact copy of the anchor's own signals before another text than the recorded one. */
const isCopyBefore = (d: Decision, element: Element): boolean =>
  !isAfter(d, element) &&
  sameOwn(
    ownFromCopy(element, d.own, (at) => own(d, at)),
    d.anchor,
  );

/**
 * The candidates in `containers` scored, copies before the text left unscored with `skip`; null
 * when two look-alikes there already make the answer none (two that differ, or two after the text).
 */
function scan(d: Decision, containers: ReadonlySet<Element>, skip: boolean): Scored[] | null {
  const ranked: Scored[] = [];
  const seen = new Set<Element>();
  const keys = new Set<string>();
  let after = 0;
  for (const container of containers) {
    // Identity carriers were queried on the whole root already (`sharedNames`): read from that.
    const inside = (selector: string) =>
      d.root
        ? within(queryAll(d.root, selector), container)
        : Array.from(container.querySelectorAll(selector));
    for (const element of selectAny(d.parts, inside)) {
      if (seen.has(element)) continue;
      seen.add(element);
      if (skip && isCopyBefore(d, element)) continue;
      own(d, element);
      const entry = scoreOne(d.anchor, element, d.top - MARGIN, d.shared);
      if (!entry) continue;
      ranked.push(entry);
      if (!isAlike(d, entry) || (d.text && entry.signature.text !== d.text)) continue;
      const key = ownKey(entry.signature);
      const afterText = isAfter(d, element);
      // A copy of one already counted, before the text, changes nothing: its containers go unread.
      if (!afterText && keys.has(key)) continue;
      if (element.querySelector(d.selector) || !startsWith(containerNames(element), d.scope))
        continue;
      keys.add(key);
      if (afterText) after += 1;
      if (keys.size > 1 || after > 1) return null;
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * Whether the copies left unscored (`isCopyBefore`) cannot change the rule's answer: when every
 * look-alike scored is a copy of the anchor, the rule reads copies only after the text; a copy
 * could still make a look-alike after the text its box, so none of those may hold a candidate.
 */
function skipsChangeNothing(d: Decision, ranked: readonly Scored[]): boolean {
  return lookAlikes(ranked, d.anchor).every(
    (entry) =>
      ownKey(entry.signature) === ownKey(d.anchor) &&
      (!isAfter(d, entry.element) || entry.element.querySelector(d.selector) === null),
  );
}

/**
 * What `pick(anchor, rank(root, anchor, RIVAL))` answers (locate.ts) for an anchor made among
 * look-alikes (`nth`), read from the candidates inside the containers named like its nearest one
 * (named.ts) instead of from every candidate of the page: the "Preview" of the row keyed "Ada
 * Lovelace" among 2,500 rows' "Preview"s (ADR 0007, "Narrowing by container"). An anchor made
 * without look-alikes is decided by `pickLone`.
 *
 * Exact. Every look-alike in the recorded containers is inside one of these containers, and the
 * container rule reads only those. No element scores above the anchor's own score (`top`), so a
 * candidate here within MARGIN of it, over the threshold and holding no other candidate (so not a
 * box) is a look-alike on the page whatever the page's best; `rank` keeps it (an identity carrier
 * that passes keeps `rank` on identity carriers, which are then what is scored here). Two such in
 * the containers that differ, or two after the recorded text, make the answer none: scanning
 * stops there. Otherwise it answers only when one candidate here scores `top`: then the look-
 * alikes are the page's, boxes are ancestors within three levels (so inside too), and whether all
 * look-alikes are copies cannot change the rule's answer from those in the containers. Copies of
 * the anchor before the text (700 menus of a board column) are first left unscored, and scored
 * after all unless `skipsChangeNothing`.
 */
export function pickInScope(
  root: Document | ShadowRoot,
  anchor: Signature,
): Element | null | undefined {
  if (anchor.nth === undefined) return pickLone(root, anchor);
  const scope = anchor.scope ?? [];
  const containers = scope[0] !== undefined && containersNamed(root, scope[0]);
  if (!containers) return undefined;
  const shared = sharedNames(root, anchor);
  const top = scoreSignature(anchor, anchor, shared);
  if (top < THRESHOLD) return undefined; // nothing can pass: the whole page decides
  const parts = candidateParts(anchor);
  const d: Decision = {
    anchor,
    ...(identityNames(anchor).length > 0 && { root }),
    scope,
    parts,
    selector: parts.join(','),
    shared,
    top,
    text: uiText(anchor),
    attrs: new Map(),
    own: new Map(),
  };
  let ranked = scan(d, containers, anchor.near !== undefined);
  if (ranked && anchor.near !== undefined && !skipsChangeNothing(d, ranked))
    ranked = scan(d, containers, false);
  if (ranked === null) return null;
  if (ranked[0]?.score !== top) return undefined;
  if (d.text && !ranked.some((entry) => isAlike(d, entry) && entry.signature.text === d.text))
    return undefined;
  return pick(anchor, ranked) ?? null;
}
