import { LABELABLE } from './accessible-name';
import { type OwnSignals, readsField } from './signature';

/**
 * `read(element)` (its own signals), taken from an earlier element of the same markup when that
 * one's were read from its markup alone: the 700 card menus of a board column, each a copy of one
 * template, are each compared with the anchor (in-scope.ts) without reading each one's label and
 * text. Only a leaf is keyed (its tag, its attributes in order, its text), and only outside a
 * `<label>`: then `computeOwn` (signature.ts) reads its signals from those and from elements of
 * its root found by id, unless it reads the field around it (`readsField`), which keeps those
 * signals out of `table`. Elements passed with one `table` share a root.
 */
export function ownFromCopy(
  element: Element,
  table: Map<string, OwnSignals>,
  read: (element: Element) => OwnSignals,
): OwnSignals {
  const tag = element.localName;
  if (element.firstElementChild !== null || (LABELABLE.has(tag) && element.closest('label')))
    return read(element);
  const names = element.getAttributeNames();
  // Counted and measured parts: no two markups write the same key.
  let key = `${tag} ${names.length}`;
  for (const name of names) {
    const value = element.getAttribute(name) ?? '';
    key += ` ${name} ${value.length} ${value}`;
  }
  key += ` ${element.textContent ?? ''}`;
  const known = table.get(key);
  if (known !== undefined) return known;
  const signals = read(element);
  if (!readsField(element, signals)) table.set(key, signals);
  return signals;
}
