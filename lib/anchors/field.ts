import { STABLE_ATTRS } from './stable-attrs';
import { boundedText, looksLikeData, normaliseText } from './text';

/**
 * The field a value belongs to. Record pages show values (a phone number, a stage, a status) as
 * plain text beside their field's label; the value changes with the record and the locale, the
 * field does not. Read from a field-label attribute on the value's wrapper (Lightning's
 * `field-label`, SLDS tables' `data-label`), else from a label-like element just before the
 * value or one of its wrappers: `<label>`, `<dt>`, `<th>`, a heading, or an element whose class or
 * test id says "label".
 */
const LABEL_ATTRS = ['field-label', 'data-label', 'data-field-label'];
const LABEL_TAGS = /^(label|dt|th|h[1-6]|legend)$/;
const LABEL_MARK = /label|heading|caption|title/i;
const CELL = /^(td|th)$/;
/** Wrappers between a value and its label's sibling (Lightning nests four or five). */
const MAX_LEVELS = 6;

function markedAsLabel(element: Element): boolean {
  if (LABEL_TAGS.test(element.localName) || element.getAttribute('role') === 'heading') return true;
  if (LABEL_MARK.test(element.getAttribute('class') ?? '')) return true;
  return STABLE_ATTRS.some((name) => LABEL_MARK.test(element.getAttribute(name) ?? ''));
}

/** A label, or a wrapper whose only element child is one (`<div><label>Hire Date</label></div>`). */
function labelLike(element: Element): boolean {
  if (element.querySelector('button, input, select, textarea, a[href]')) return false;
  for (
    let at: Element | null = element;
    at;
    at = at.childElementCount === 1 ? at.firstElementChild : null
  ) {
    if (markedAsLabel(at)) return true;
  }
  return /:\s*$/.test(element.textContent ?? '');
}

function labelBefore(element: Element): string | undefined {
  for (let sibling = element.previousElementSibling, n = 0; sibling && n < 2; n += 1) {
    const text = boundedText(sibling);
    if (text && text.length <= 40 && !looksLikeData(text) && labelLike(sibling)) return text;
    if (text) return undefined;
    sibling = sibling.previousElementSibling;
  }
  return undefined;
}

export function fieldOf(element: Element): string | undefined {
  const labelled = element.closest(LABEL_ATTRS.map((name) => `[${name}]`).join(','));
  for (const name of LABEL_ATTRS) {
    const text = normaliseText(labelled?.getAttribute(name));
    if (text) return text;
  }
  let at: Element | null = element;
  for (let level = 0; at && level <= MAX_LEVELS; level += 1, at = at.parentElement) {
    // A table cell's neighbours are other values, except a row header (`<th>Phone</th><td>…`).
    if (CELL.test(at.localName)) {
      const header = at.previousElementSibling;
      return header?.localName === 'th'
        ? normaliseText(header.textContent) || undefined
        : undefined;
    }
    const label = labelBefore(at);
    if (label) return label;
  }
  return undefined;
}
