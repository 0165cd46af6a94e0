import { containerNames, nearText } from './containers';
import { containersNamed } from './named';
import { MARGIN, ownKey, pick, startsWith, uiText } from './pick';
import { candidateSelector, type Scored, scoreOne, sharedNames, THRESHOLD } from './rank';
import { scoreSignature } from './score';
import type { Signature } from './types';

/**
 * What `pick(anchor, rank(root, anchor, RIVAL))` answers (locate.ts) for an anchor made among
 * look-alikes (`nth`), read from the candidates inside the containers named like its nearest one
 * (named.ts) instead of from every candidate of the page: the "Preview" of the row keyed "Ada
 * Lovelace" among 2,500 rows' "Preview"s (ADR 0007, "Narrowing by container").
 *
 * Exact. Every look-alike in the recorded containers is inside one of these containers, and the
 * container rule reads only those. No element scores above the anchor's own score (`top`), so a
 * candidate here within MARGIN of it, over the threshold and holding no other candidate (so not a
 * box) is a look-alike on the page whatever the page's best; `rank` keeps it (an identity carrier
 * that passes keeps `rank` on identity carriers, which are then what is scored here). Two such in
 * the containers that differ, or two after the recorded text, make the answer none: scanning
 * stops there. Otherwise it answers only when one candidate here scores `top`: then the look-
 * alikes are the page's, boxes are ancestors within three levels (so inside too), and whether all
 * look-alikes are copies cannot change the rule's answer from those in the containers.
 */
export function pickInScope(
  root: Document | ShadowRoot,
  anchor: Signature,
): Element | null | undefined {
  const { scope = [], near } = anchor;
  const containers = anchor.nth && scope[0] !== undefined && containersNamed(root, scope[0]);
  if (!containers) return undefined;
  const selector = candidateSelector(anchor);
  const shared = sharedNames(root, anchor);
  const top = scoreSignature(anchor, anchor, shared);
  // `lookAlikes` keeps those with this text when any look-alike on the page has it.
  const text = uiText(anchor);
  const alike = (entry: Scored) => entry.score >= THRESHOLD && top - entry.score < MARGIN;
  const ranked: Scored[] = [];
  const seen = new Set<Element>();
  const keys = new Set<string>();
  let after = 0;
  for (const container of top < THRESHOLD ? [] : containers) {
    for (const element of Array.from(container.querySelectorAll(selector))) {
      const entry = seen.has(element) ? undefined : scoreOne(anchor, element, top - MARGIN, shared);
      seen.add(element);
      if (!entry) continue;
      ranked.push(entry);
      if (!alike(entry) || (text && entry.signature.text !== text)) continue;
      const key = ownKey(entry.signature);
      const isAfter = near === undefined || (nearText(element) ?? '') === near;
      // A copy of one already counted, before the text, changes nothing: its containers go unread.
      if (!isAfter && keys.has(key)) continue;
      if (element.querySelector(selector) || !startsWith(containerNames(element), scope)) continue;
      keys.add(key);
      if (isAfter) after += 1;
      if (keys.size > 1 || after > 1) return null;
    }
  }
  ranked.sort((a, b) => b.score - a.score);
  if (ranked[0]?.score !== top) return undefined;
  if (text && !ranked.some((entry) => alike(entry) && entry.signature.text === text))
    return undefined;
  return pick(anchor, ranked) ?? null;
}
