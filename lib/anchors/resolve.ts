import { buildAnchor, resolveIn } from './locate';
import { checkedOnce } from './root-memo';
import type { Anchor } from './types';
import { parseAnchor } from './validate';

export { narrowing } from './locate';
export type { Anchor, HostStep, Landmark, Signature } from './types';

/** Records how to find `element` again: its own signals, its context, and the shadow/frame path. */
export function createAnchor(element: Element): Anchor {
  return checkedOnce(() => buildAnchor(element));
}

/**
 * Finds the element an anchor was made from, or null. Never guesses: a weak or ambiguous match is
 * null, because a tip on the wrong element misleads more than a missing one.
 */
export function resolveAnchor(anchor: unknown, document: Document): Element | null {
  const parsed = parseAnchor(anchor);
  if (!parsed) return null;
  try {
    return checkedOnce(() => resolveIn(document, parsed)) ?? null;
  } catch {
    // Host pages are hostile ground (patched DOM methods, odd markup): fail closed, never throw.
    return null;
  }
}
