import { describe } from './signature';
import { pick, rank, THRESHOLD, tiedWithBest } from './rank';
import type { Anchor, HostStep, Signature } from './types';

interface Located {
  element: Element;
  /** Set when the element is inside a shadow root or a same-origin iframe. */
  via?: HostStep['via'];
  container?: Element;
}

/** The shadow host or iframe element that contains `element`'s root, if any. */
function containerOf(element: Element): Located | undefined {
  const root = element.getRootNode() as Node & { host?: Element };
  if (root.nodeType === 11 && root.host) return { element, via: 'shadow', container: root.host };
  const frame = element.ownerDocument.defaultView?.frameElement ?? null;
  return frame ? { element, via: 'frame', container: frame } : undefined;
}

/** Describes `element` and, when it has look-alikes, its position among them. */
function describeWithPosition(element: Element): Signature {
  const signature = describe(element);
  const tied = tiedWithBest(rank(element.getRootNode() as ParentNode, signature));
  const index = tied.findIndex((entry) => entry.element === element);
  if (tied.length > 1 && index >= 0) signature.nth = [index, tied.length];
  return signature;
}

export function buildAnchor(element: Element): Anchor {
  const path: HostStep[] = [];
  // Walks out through every shadow root and frame, so resolution can walk back in.
  for (let step = containerOf(element); step?.container && step.via;) {
    path.unshift({ via: step.via, host: describeWithPosition(step.container) });
    step = containerOf(step.container);
  }
  return { v: 1, path, target: describeWithPosition(element) };
}

/** The root (document or shadow root) a host step leads into, if it is open and same-origin. */
export function enter(host: Element, via: HostStep['via']): ParentNode | undefined {
  if (via === 'shadow') return host.shadowRoot ?? undefined;
  const frame = host as HTMLIFrameElement;
  try {
    return frame.contentDocument ?? undefined;
  } catch {
    return undefined; // cross-origin frames throw in some engines instead of returning null
  }
}

/** Hosts are weak signatures (often a bare custom-element tag), so several may be worth entering. */
const MAX_HOSTS = 20;

/**
 * Resolves `target` below `root` through the host `path`. Every plausible host is entered; if the
 * target is found below exactly one of them, that is the answer. If several lead to a match, only
 * the host that wins on its own signals (with its position among look-alikes) is trusted.
 */
export function resolveIn(
  root: ParentNode,
  path: readonly HostStep[],
  target: Signature,
): Element | undefined {
  const [step, ...rest] = path;
  if (!step) return pick(target, rank(root, target));
  const ranked = rank(root, step.host);
  const found = new Map<Element, Element>();
  for (const { element, score } of ranked.slice(0, MAX_HOSTS)) {
    if (score < THRESHOLD) break;
    const inner = enter(element, step.via);
    const result = inner && resolveIn(inner, rest, target);
    if (result) found.set(element, result);
  }
  if (found.size <= 1) return found.values().next().value;
  const host = pick(step.host, ranked);
  return host && found.get(host);
}
