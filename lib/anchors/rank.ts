import { describe, STABLE_ATTRS } from './signature';
import { scoreSignature } from './score';
import type { Signature } from './types';

/** Scores below this are "not the element"; tuned on the scenario suite (see scenarios/). */
export const THRESHOLD = 0.55;
/** The best candidate must beat the runner-up by this much, else the anchor is ambiguous. */
export const MARGIN = 0.12;
/** Scores this close are the same: look-alikes that only position can tell apart. */
const TIE = 1e-6;
/** Bounds the work on huge pages; anchors to such generic elements would be ambiguous anyway. */
const MAX_CANDIDATES = 4000;

export interface Scored {
  element: Element;
  score: number;
}

/** Elements worth scoring: same tag, same explicit role, or carrying one of the anchor's attributes. */
function gather(root: ParentNode, anchor: Signature): Element[] {
  const selectors = [anchor.tag];
  if (anchor.role) selectors.push(`[role="${anchor.role}"]`);
  for (const name of Object.keys(anchor.attrs ?? {})) {
    if ((STABLE_ATTRS as readonly string[]).includes(name)) selectors.push(`[${name}]`);
  }
  // One combined query returns document order, which the position tie-breaker relies on.
  return Array.from(root.querySelectorAll(selectors.join(','))).slice(0, MAX_CANDIDATES);
}

/** Candidates in `root` scored against `anchor`, best first (document order among equals). */
export function rank(root: ParentNode, anchor: Signature): Scored[] {
  const scored = gather(root, anchor).map((element) => ({
    element,
    score: scoreSignature(anchor, describe(element)),
  }));
  return scored.sort((a, b) => b.score - a.score);
}

/** The candidates tied with the best one, in document order. */
export function tiedWithBest(ranked: readonly Scored[]): Scored[] {
  const best = ranked[0]?.score ?? 0;
  return ranked.filter((entry) => best - entry.score < TIE);
}

/**
 * Accepts the best candidate only when it passes the threshold and clearly beats the runner-up.
 * Look-alikes (tied scores) are told apart by position only if there are exactly as many of them
 * as when the anchor was made; otherwise the one we want may be the one that went away.
 */
export function pick(anchor: Signature, ranked: readonly Scored[]): Element | undefined {
  const tied = tiedWithBest(ranked);
  const best = tied[0];
  if (!best || best.score < THRESHOLD) return undefined;
  const runnerUp = ranked[tied.length];
  if (runnerUp && best.score - runnerUp.score < MARGIN) return undefined;
  if (!anchor.nth) return tied.length === 1 ? best.element : undefined;
  const [index, count] = anchor.nth;
  return tied.length === count ? tied[index]?.element : undefined;
}
