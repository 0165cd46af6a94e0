import { associatedLabelText, labelledByText } from '@/lib/anchors/accessible-name';
import { roleOf } from '@/lib/anchors/role';

const MAX_NAME = 40;
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset']);
const FIELDS = new Set(['input', 'select', 'textarea']);

/**
 * How an element reads to a person choosing it: its role (or tag) and name, e.g. `button "Submit"`.
 * The anchors' own label helpers lowercase for matching; an author wants the words as shown, so
 * this keeps case and only collapses whitespace. A field's value is never its name.
 */
export function elementLabel(element: Element): string {
  const role = roleOf(element) ?? element.localName;
  const name = nameOf(element);
  if (name === '') return role;
  const short = name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
  return `${role} "${short}"`;
}

/** The name a person sees for an element (a field's label, a button's text), or empty. */
export function nameOf(element: Element): string {
  const type = element.getAttribute('type') ?? '';
  const isButtonInput = element.localName === 'input' && BUTTON_INPUTS.has(type);
  const sources = [
    () => labelledByText(element),
    () => associatedLabelText(element),
    () => element.getAttribute('aria-label'),
    () => element.getAttribute('alt'),
    () => (isButtonInput ? element.getAttribute('value') : null),
    () => (FIELDS.has(element.localName) ? null : element.textContent),
    () => element.getAttribute('placeholder'),
    () => element.getAttribute('title'),
  ];
  for (const source of sources) {
    const text = (source() ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') return text;
  }
  return '';
}
