/**
 * The baseline: what a tip author gets from Chrome DevTools "Copy selector" — `#id` when the
 * element has one, else a chain of `tag` / `tag:nth-child(n)` steps up to the nearest ancestor
 * with an id. It cannot cross shadow roots or frames, like the original.
 */
function escapeIdent(value: string): string {
  return value.replace(/^(\d)|[^\w-]/g, (match, digit: string | undefined) =>
    digit ? `\\3${digit} ` : `\\${match}`,
  );
}

function step(element: Element): string {
  const parent = element.parentElement;
  if (!parent) return element.localName;
  const siblings = Array.from(parent.children);
  const sameTag = siblings.filter((sibling) => sibling.localName === element.localName);
  if (sameTag.length === 1) return element.localName;
  return `${element.localName}:nth-child(${siblings.indexOf(element) + 1})`;
}

export function copySelector(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.id) {
      steps.unshift(`#${escapeIdent(node.id)}`);
      break;
    }
    steps.unshift(step(node));
  }
  return steps.join(' > ');
}

export function resolveSelector(selector: unknown, document: Document): Element | null {
  if (typeof selector !== 'string') return null;
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}
