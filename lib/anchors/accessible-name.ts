import { queryAll, remember, rootOf } from './root-memo';
import { boundedText, normaliseText } from './text';

/**
 * A pragmatic subset of accname (https://www.w3.org/TR/accname-1.2/): the labelling sources that
 * business apps actually use. Unlike accname, a visible `<label>` wins over `aria-label`, because
 * aria-labels often embed the current value (Lightning: "Status, New") while the label is stable.
 * An input's value is record data, so it never names the input; placeholder and title come last.
 */
export function labelOf(element: Element): string | undefined {
  const sources = [
    () => labelledByText(element),
    () => associatedLabelText(element),
    () => withoutValue(element, element.getAttribute('aria-label')),
    () => (element.localName === 'fieldset' ? element.querySelector('legend')?.textContent : null),
    () => (element.localName === 'img' ? element.getAttribute('alt') : null),
    () => element.getAttribute('placeholder'),
    () => element.getAttribute('title'),
  ];
  for (const source of sources) {
    const text = normaliseText(source());
    if (text !== '') return text;
  }
  return undefined;
}

/**
 * An aria-label that ends with what the element shows (`Owner: Alan Steiner` on a link showing
 * "Alan Steiner", Lightning's `Status, New`) names the field and then repeats the value: the
 * value part is record data, so only the field part names the element.
 */
function withoutValue(element: Element, label: string | null): string | null {
  const value = label === null ? '' : textOf(element);
  const named = normaliseText(label);
  if (value === '' || named === value || !named.endsWith(value)) return label;
  const field = named.slice(0, -value.length).replace(/[\s,:;|–-]+$/, '');
  return field === '' ? label : field;
}

function byId(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

export function labelledByText(element: Element): string | undefined {
  const ids = element.getAttribute('aria-labelledby')?.trim().split(/\s+/) ?? [];
  const parts = ids.map((id) => (id ? (byId(element, id)?.textContent ?? '') : ''));
  const text = parts.join(' ').trim();
  return text === '' ? undefined : text;
}

export const LABELABLE = new Set([
  'button',
  'input',
  'select',
  'textarea',
  'meter',
  'progress',
  'output',
]);

/** `<label for=id>` in the same root, else a wrapping `<label>` minus the control's own text. */
export function associatedLabelText(element: Element): string | undefined {
  if (!LABELABLE.has(element.localName)) return undefined;
  const id = element.getAttribute('id');
  const forId = id ? labelsFor(rootOf(element)).get(id) : undefined;
  if (forId !== undefined) return forId.textContent ?? undefined;
  const wrapping = element.closest('label');
  if (!wrapping) return undefined;
  const clone = wrapping.cloneNode(true) as Element;
  clone.querySelectorAll('input, select, textarea').forEach((control) => control.remove());
  return clone.textContent ?? undefined;
}

/** The first `<label for>` of each id in `root`, found once per root state. */
function labelsFor(root: Document | ShadowRoot): Map<string, Element> {
  return remember(root, 'labels-for', root, () => {
    const map = new Map<string, Element>();
    for (const label of queryAll(root, 'label[for]')) {
      const id = label.getAttribute('for');
      if (id && !map.has(id)) map.set(id, label);
    }
    return map;
  });
}

/** Text a user reads on the element: its content, or the value of a button-like input. */
export function visibleText(element: Element): string {
  const type = element.getAttribute('type');
  if (element.localName === 'input' && (type === 'submit' || type === 'button')) {
    return normaliseText(element.getAttribute('value'));
  }
  if (['input', 'select', 'textarea'].includes(element.localName)) return '';
  return textOf(element);
}

/** `boundedText`, once per element and root state (its label and its own text both read it). */
const textOf = (element: Element): string =>
  remember(rootOf(element), 'text', element, boundedText);
