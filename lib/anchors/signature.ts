import { labelOf, visibleText } from './accessible-name';
import { fieldOf } from './field';
import { isGeneratedId } from './generated-id';
import { CONTEXT_ROLES, NAME_FROM_CONTENT, roleOf } from './role';
import { remember, rootOf } from './root-memo';
import { STABLE_ATTRS } from './stable-attrs';
import { labelName } from './containers';
import { looksLikeData, normaliseText } from './text';
import type { Landmark, Signature } from './types';

export { STABLE_ATTRS };

const MAX_ANCESTOR_TOKENS = 12;

/** The element's own signals (tag, attributes, role, name, text, field), without context. */
export type OwnSignals = Omit<Signature, 'landmark' | 'ancestors' | 'nth' | 'scope' | 'near'>;
export type ContextSignals = Pick<Signature, 'landmark' | 'ancestors'>;

export function stableAttrs(element: Element): Record<string, string> | undefined {
  // Only the names the element has are asked for, not all 15 (no Attr nodes are made).
  const names = element.getAttributeNames();
  const attrs: Record<string, string> = {};
  for (const name of STABLE_ATTRS) {
    const value = names.includes(name) ? element.getAttribute(name) : null;
    if (value === null || value.length > 100) continue;
    // `type` is an enumerated keyword, never generated; the others may be minted at runtime.
    if (name !== 'type' && isGeneratedId(value)) continue;
    attrs[name] = value;
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

/** `stableAttrs`, once per element and root state. */
export function attrsOf(element: Element): Record<string, string> | undefined {
  return remember(rootOf(element), 'attrs', element, stableAttrs);
}

type Attrs = Record<string, string> | undefined;

const STABLE: ReadonlySet<string> = new Set(STABLE_ATTRS);

/**
 * `attrsOf` for one of many elements carrying the same attribute values (a board's 700 card
 * menus): `stableAttrs` reads those values only, so each set of them is judged once (`byValues`,
 * kept by the caller for one resolve) instead of asking `isGeneratedId` again. Only the narrowing
 * (large-pages.js) calls it.
 */
export function attrsAmong(element: Element, byValues: Map<string, Attrs>): Attrs {
  return remember(rootOf(element), 'attrs', element, (at: Element) => {
    // Each value with its length before it: no two sets of values write the same key.
    let key = '';
    for (const name of at.getAttributeNames()) {
      if (!STABLE.has(name)) continue;
      const value = at.getAttribute(name) ?? '';
      key += `${name} ${value.length} ${value}`;
    }
    if (!byValues.has(key)) byValues.set(key, stableAttrs(at));
    return byValues.get(key);
  });
}

/** A link to one record (`/users/1200`, `/lightning/r/Case/500…/view`, `tel:`) shows its data. */
function isRecordLink(element: Element): boolean {
  const href = element.localName === 'a' ? element.getAttribute('href') : null;
  if (href === null) return false;
  if (/^(tel|mailto|sms):/i.test(href)) return true;
  return href
    .split(/[/?#=&]/)
    .some((part) => /\d{3,}|[0-9a-f]{15,}|[0-9a-f]{8}-[0-9a-f]{4}-/i.test(part));
}

/** Roles a user acts on or reads as UI: their text names them, it is not a value. */
const CONTROL_ROLES = new Set(
  'button checkbox columnheader combobox heading link menuitem option radio rowheader searchbox slider spinbutton switch tab textbox treeitem'.split(
    ' ',
  ),
);

/**
 * Whether `computeOwn` reads the field around `element` (fieldOf) for signals with this label and
 * role: else every own signal is read from the element's tag, attributes and content, and from
 * elements of its root found by id (`aria-labelledby`, `<label for>`), plus a wrapping `<label>`.
 * `computeOwn` makes the same test inline (calling this there costs the content script 16 B);
 * own-from-copy.test.ts checks the two agree on every scenario element.
 */
export const readsField = (element: Element, own: Pick<OwnSignals, 'label' | 'role'>): boolean =>
  !own.label && !(CONTROL_ROLES.has(own.role ?? '') && !isRecordLink(element));

function computeOwn(element: Element): OwnSignals {
  const signature: OwnSignals = { tag: element.localName };
  const attrs = attrsOf(element);
  if (attrs) signature.attrs = attrs;
  const role = roleOf(element);
  if (role) signature.role = role;
  const label = labelOf(element);
  if (label) signature.label = label;
  const recordLink = isRecordLink(element);
  // Values are data: a value's element is found through its field, never through its text.
  const field =
    label || (CONTROL_ROLES.has(role ?? '') && !recordLink) ? undefined : fieldOf(element);
  if (field) signature.field = field;
  // Content names buttons and links; elsewhere it is often record data, flagged so it weighs little.
  const text = visibleText(element);
  if (text && text !== label) {
    signature.text = text;
    // An aria-label that repeats the text after the field's name ("Owner: Alan Steiner").
    const repeated = normaliseText(element.getAttribute('aria-label')).endsWith(` ${text}`);
    if (
      field ||
      repeated ||
      looksLikeData(text) ||
      recordLink ||
      (!label && !NAME_FROM_CONTENT.has(role ?? ''))
    ) {
      signature.data = true;
    }
  }
  return signature;
}

export function ownSignals(element: Element): OwnSignals {
  return remember(rootOf(element), 'own', element, computeOwn);
}

function isContext(element: Element): boolean {
  const role = roleOf(element);
  if (!role || !CONTEXT_ROLES.has(role)) return false;
  // An unnamed <section>/<form> is not a landmark (html-aria): only count it if it says what it is.
  const needsName = ['region', 'form', 'group', 'article'].includes(role);
  return !needsName || labelOf(element) !== undefined || attrsOf(element) !== undefined;
}

/** A landmark's label, counts out (`containers.ts` `labelName`): the Opportunities list at 3 or at 4. */
function describeLandmark(element: Element): Landmark {
  const landmark: Landmark = { role: roleOf(element) ?? element.localName };
  const label = labelName(element) || labelOf(element);
  if (label) landmark.label = label;
  const attrs = attrsOf(element);
  if (attrs) landmark.attrs = attrs;
  return landmark;
}

/** `element` as the landmark of what it contains, if it is one: once per element, for all its children. */
function landmarkAt(element: Element): Landmark | undefined {
  return remember(rootOf(element), 'landmark', element, (at: Element) =>
    isContext(at) ? describeLandmark(at) : undefined,
  );
}

interface Context {
  landmark?: Landmark;
  tokens: readonly string[];
}

/** Nearest context container and the stable tokens of every ancestor, within the element's root. */
function contextOf(element: Element): Context {
  return remember(rootOf(element), 'context', element, (at: Element): Context => {
    const parent = at.parentElement;
    if (!parent) return { tokens: [] };
    const above = contextOf(parent);
    const own = Object.entries(attrsOf(parent) ?? {})
      .filter(([name]) => name !== 'type')
      .map(([name, value]) => `${name}=${value}`);
    const tokens =
      own.length === 0
        ? above.tokens
        : [...new Set([...own, ...above.tokens])].slice(0, MAX_ANCESTOR_TOKENS);
    const landmark = landmarkAt(parent) ?? above.landmark;
    return landmark ? { landmark, tokens } : { tokens };
  });
}

export function contextSignals(element: Element): ContextSignals {
  const { landmark, tokens } = contextOf(element);
  const result: ContextSignals = {};
  if (landmark) result.landmark = landmark;
  if (tokens.length > 0) result.ancestors = [...tokens];
  return result;
}

export function describe(element: Element): Signature {
  return { ...ownSignals(element), ...contextSignals(element) };
}
