import { containerNames, nearText } from './containers';
import { lookAlikes, pick, RIVAL, sameOwn, startsWith, weakMatch } from './pick';
import { candidateSelector, rank, THRESHOLD } from './rank';
import { queryAll, remember, rootOf } from './root-memo';
import { describe, ownSignals } from './signature';
import type { Anchor, HostStep, Signature } from './types';

type Root = Document | ShadowRoot;

/** The shadow host or iframe element that contains `element`'s root, if any. */
function hostOf(element: Element): { via: HostStep['via']; host: Element } | undefined {
  const root = element.getRootNode() as Node & { host?: Element };
  if (root.nodeType === 11 && root.host) return { via: 'shadow', host: root.host };
  const frame = element.ownerDocument.defaultView?.frameElement ?? null;
  return frame ? { via: 'frame', host: frame } : undefined;
}

/** `a` before `b` in document order. */
const byDocumentOrder = (a: Element, b: Element): number =>
  a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;

/** The shortest run of container names, nearest first, that none of the look-alikes shares. */
function distinguishing(
  names: readonly string[],
  others: readonly (readonly string[])[],
): string[] | undefined {
  for (let length = 1; length <= names.length; length += 1) {
    const prefix = names.slice(0, length);
    if (others.every((other) => !startsWith(other, prefix))) return prefix;
  }
  return undefined;
}

/**
 * Elements with exactly `element`'s own signals (the Save of each tab panel), told apart from it
 * only by where they are: the score may keep them apart by their region, but its container is
 * what makes it this one.
 */
function copiesOf(element: Element, signature: Signature): Element[] {
  return queryAll(rootOf(element), candidateSelector(signature)).filter(
    (other) => other !== element && sameOwn(ownSignals(other), signature),
  );
}

/**
 * Describes `element` with what tells it from its look-alikes: when the page holds elements
 * with (nearly) the same signals, the names of the containers that differ, the text before it
 * and the fact that look-alikes existed (`nth`). Copies of its own signals in containers of other
 * names count as look-alikes too, so their names bind: with its tab panel gone, the Save of
 * another panel is not it. Otherwise its two nearest container names.
 */
function describeAmongLookAlikes(element: Element): Signature {
  const signature = JSON.parse(JSON.stringify(describe(element))) as Signature;
  const names = containerNames(element);
  const ranked = rank(rootOf(element), signature);
  let alike = lookAlikes(ranked, signature).map((entry) => entry.element);
  if (alike.length <= 1) {
    const copies = copiesOf(element, signature);
    if (copies.length > 0 && distinguishing(names, copies.map(containerNames)))
      alike = [element, ...copies];
  }
  if (alike.length > 1 && alike.includes(element)) {
    const others = alike.filter((other) => other !== element).map(containerNames);
    const scope = distinguishing(names, others);
    signature.scope = scope ?? [...names];
    const ordered = alike.sort(byDocumentOrder);
    signature.nth = [ordered.indexOf(element), ordered.length];
    // Look-alikes in containers of the same names: only the text before it can tell (binding).
    if (scope === undefined) signature.near = nearText(element) ?? '';
  } else if (names.length > 0) {
    signature.scope = names.slice(0, 2);
  }
  return signature;
}

export function buildAnchor(element: Element): Anchor {
  const path: HostStep[] = [];
  // Walks out through every shadow root and frame, so resolution can walk back in.
  for (let step = hostOf(element); step; step = hostOf(step.host)) {
    path.unshift({ via: step.via, host: describeAmongLookAlikes(step.host) });
  }
  const anchor: Anchor = { v: 1, path, target: describeAmongLookAlikes(element) };
  const lang = langOf(element);
  if (lang) anchor.lang = lang;
  return anchor;
}

/** The root (document or shadow root) a host step leads into, if it is open and same-origin. */
export function enter(host: Element, via: HostStep['via']): Root | undefined {
  if (via === 'shadow') return host.shadowRoot ?? undefined;
  try {
    return (host as HTMLIFrameElement).contentDocument ?? undefined;
  } catch {
    return undefined; // cross-origin frames throw in some engines instead of returning null
  }
}

/** Hosts are weak signatures (often a bare custom-element tag), so several may be worth entering. */
const MAX_HOSTS = 20;

/** The `lang` of the document `node` is in, lowercased ('' when it has none). */
export function langOf(node: Node): string {
  const document = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  return (document?.documentElement?.getAttribute('lang') ?? '').toLowerCase();
}

/**
 * The narrowing by container (in-scope.ts: an element among look-alikes decided inside its
 * recorded containers; null when none is the element, undefined when the whole page must decide).
 * Plugged in where selector queries are native (index.ts): the content script loads it on large pages.
 */
export const narrowing: {
  pick?: (root: Root, target: Signature) => Element | null | undefined;
} = {};

/** Nothing like the element where the anchor says it lives: the page was restructured. */
const LOST = Symbol('lost');
type Found = Element | undefined | typeof LOST;

function resolveTarget(root: Root, target: Signature, lang: string | undefined): Found {
  // Exact, and cheap on large pages: look-alikes decided inside their recorded containers.
  const decided = narrowing.pick?.(root, target);
  if (decided !== undefined) return decided ?? undefined;
  // Down to the rival floor: a weaker look-alike still in the element's containers counts.
  const ranked = rank(root, target, RIVAL);
  if (ranked.length === 0) return LOST;
  if ((ranked[0]?.score ?? -Infinity) >= THRESHOLD) return pick(target, ranked);
  const now = langOf(root);
  return weakMatch(root, target, Boolean(lang && now && lang !== now));
}

/**
 * Follows the host `path` from `root`. Every plausible host is entered; if the target is found
 * below exactly one of them, that is the answer. If several lead to a match, only the host that
 * wins on its own signals is trusted. LOST when no host, or nothing like the target, is there.
 */
function followPath(
  root: Root,
  path: readonly HostStep[],
  target: Signature,
  lang: string | undefined,
): Found {
  const [step, ...rest] = path;
  if (!step) return resolveTarget(root, target, lang);
  const ranked = rank(root, step.host);
  const plausible = ranked.filter((entry) => entry.score >= THRESHOLD).slice(0, MAX_HOSTS);
  const found = new Map<Element, Element>();
  let lost = true;
  for (const { element } of plausible) {
    const inner = enter(element, step.via);
    const result = inner ? followPath(inner, rest, target, lang) : LOST;
    if (result !== LOST) lost = false;
    if (result !== LOST && result !== undefined) found.set(element, result);
  }
  if (found.size === 0) return lost ? LOST : undefined;
  if (found.size === 1) return found.values().next().value;
  const host = pick(step.host, ranked);
  if (host) return found.get(host);
  // Hosts alike (cards of one component, each named inside its shadow root): the target's own
  // containers tell which, when only one of them holds it (without names, all do: none).
  const named = [...found.values()].filter((e) =>
    startsWith(containerNames(e), target.scope ?? []),
  );
  return named.length === 1 ? named[0] : undefined;
}

/** Every open shadow root and same-origin frame document below `root`, at any depth. */
function innerRoots(root: Root): Root[] {
  return remember(root, 'inner-roots', root, () => {
    const found: Root[] = [];
    for (const element of queryAll(root, '*')) {
      const inner =
        element.shadowRoot ??
        (/^i?frame$/.test(element.localName) ? enter(element, 'frame') : undefined);
      if (inner) found.push(inner, ...innerRoots(inner));
    }
    return found;
  });
}

/** A match this good is trusted without the host path it was recorded with. */
const PATHLESS = 0.8;

/**
 * When the recorded path leads nowhere (an app moved its form out of an iframe, or into a web
 * component), the target is looked for in every root at once: it must be strong and have no
 * look-alike in any of them.
 */
function resolveAnywhere(root: Root, target: Signature): Element | undefined {
  const ranked = [root, ...innerRoots(root)]
    .flatMap((inner) => rank(inner, target))
    .sort((a, b) => b.score - a.score);
  if ((ranked[0]?.score ?? -Infinity) < PATHLESS) return undefined;
  return pick(target, ranked);
}

export function resolveIn(root: Root, anchor: Anchor): Element | undefined {
  // An anchor in the root itself is answered once per root state (beacons re-resolve every
  // second); one behind shadow roots or frames is not, since their changes are not seen here.
  const found =
    anchor.path.length === 0
      ? remember(root, 'resolved', JSON.stringify(anchor), () =>
          followPath(root, [], anchor.target, anchor.lang),
        )
      : followPath(root, anchor.path, anchor.target, anchor.lang);
  return found === LOST ? resolveAnywhere(root, anchor.target) : found;
}
