import type { Element, ElementContent, Properties } from 'hast';

/** Small builders and readers for the hast trees the Confluence transform rewrites. */
export const h = (
  tagName: string,
  properties: Properties,
  children: ElementContent[],
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

export const text = (value: string): ElementContent => ({ type: 'text', value });

export function prop(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  return typeof value === 'string' ? value : undefined;
}

export function childElements(node: Element, tagName?: string): Element[] {
  return node.children.filter(
    (c): c is Element => c.type === 'element' && (tagName === undefined || c.tagName === tagName),
  );
}

export const firstChild = (node: Element, tagName: string): Element | undefined =>
  childElements(node, tagName)[0];

export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** A macro's `<ac:parameter ac:name="…">` element. */
export const parameterElement = (macro: Element, name: string): Element | undefined =>
  childElements(macro, 'ac:parameter').find((p) => prop(p, 'ac:name') === name);

/** A macro's `<ac:parameter ac:name="…">` value. */
export function parameter(macro: Element, name: string): string | undefined {
  const found = parameterElement(macro, name);
  return found === undefined ? undefined : textOf(found).trim();
}

export const lineOf = (node: Element): number | undefined => node.position?.start.line;
