import { labelOf, visibleText } from './accessible-name';
import { isGeneratedId } from './generated-id';
import { CONTEXT_ROLES, NAME_FROM_CONTENT, roleOf } from './role';
import { looksLikeData } from './text';
import { STABLE_ATTRS } from './stable-attrs';
import type { Landmark, Signature } from './types';

export { STABLE_ATTRS };

const MAX_ANCESTOR_TOKENS = 12;

export function stableAttrs(element: Element): Record<string, string> | undefined {
  const attrs: Record<string, string> = {};
  for (const name of STABLE_ATTRS) {
    const value = element.getAttribute(name);
    if (value === null || value.length > 100) continue;
    // `type` is an enumerated keyword, never generated; the others may be minted at runtime.
    if (name !== 'type' && isGeneratedId(value)) continue;
    attrs[name] = value;
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

/** A link to one record (`/users/1200`, `/lightning/r/Case/500…/view`) is named by that record's data. */
function isRecordLink(element: Element): boolean {
  const href = element.localName === 'a' ? element.getAttribute('href') : null;
  return href !== null && href.split(/[/?#=&]/).some((part) => /\d{3,}|[0-9a-f]{15,}/i.test(part));
}

/** The element's own signals, without context (used for targets, hosts and landmarks alike). */
function ownSignals(element: Element): Omit<Signature, 'landmark' | 'ancestors' | 'nth'> {
  const signature: Signature = { tag: element.localName };
  const attrs = stableAttrs(element);
  if (attrs) signature.attrs = attrs;
  const role = roleOf(element);
  if (role) signature.role = role;
  const label = labelOf(element);
  if (label) signature.label = label;
  // Content names buttons and links; elsewhere it is often record data, flagged so it weighs little.
  const text = visibleText(element);
  if (text && text !== label) {
    signature.text = text;
    if (
      looksLikeData(text) ||
      isRecordLink(element) ||
      (!label && !NAME_FROM_CONTENT.has(role ?? ''))
    ) {
      signature.data = true;
    }
  }
  return signature;
}

function isContext(element: Element): boolean {
  const role = roleOf(element);
  if (!role || !CONTEXT_ROLES.has(role)) return false;
  // An unnamed <section>/<form> is not a landmark (html-aria): only count it if it says what it is.
  const needsName = ['region', 'form', 'group', 'article'].includes(role);
  return !needsName || labelOf(element) !== undefined || stableAttrs(element) !== undefined;
}

function describeLandmark(element: Element): Landmark {
  const landmark: Landmark = { role: roleOf(element) ?? element.localName };
  const label = labelOf(element);
  if (label) landmark.label = label;
  const attrs = stableAttrs(element);
  if (attrs) landmark.attrs = attrs;
  return landmark;
}

/** Nearest context container and the stable tokens of every ancestor, within the element's root. */
function contextSignals(element: Element): Pick<Signature, 'landmark' | 'ancestors'> {
  const result: Pick<Signature, 'landmark' | 'ancestors'> = {};
  const tokens = new Set<string>();
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!result.landmark && isContext(node)) result.landmark = describeLandmark(node);
    const attrs = stableAttrs(node);
    for (const [name, value] of Object.entries(attrs ?? {})) {
      if (name !== 'type') tokens.add(`${name}=${value}`);
    }
  }
  if (tokens.size > 0) result.ancestors = [...tokens].slice(0, MAX_ANCESTOR_TOKENS);
  return result;
}

export function describe(element: Element): Signature {
  return { ...ownSignals(element), ...contextSignals(element) };
}
