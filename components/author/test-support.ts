/** Helpers for the editor's jsdom tests: fill a field as a user does, find it by its label. */

/** Types into an input the way a user does, so React's onChange runs. */
export function type(element: Element | null, value: string): void {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement))
    throw new Error('not a text field');
  const proto = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

export const byLabel = (root: HTMLElement, text: string, index = 0): Element | null => {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent === text);
  const label = labels[index];
  return label === undefined ? null : root.ownerDocument.getElementById(label.htmlFor);
};
