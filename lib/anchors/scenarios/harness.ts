import { JSDOM } from 'jsdom';
import { MARK, type Scenario } from './types';

export type Outcome = 'right' | 'null' | 'wrong';

/** A way to remember an element and find it again: ours, or the DevTools-selector baseline. */
export interface Strategy {
  create(element: Element): unknown;
  resolve(anchor: unknown, document: Document): Element | null;
}

/** Mounts each template once it is in the page, so frames nested in shadow roots get documents. */
function mountTemplates(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll('template'))) {
    const content = template.content;
    if (template.hasAttribute('data-shadow')) {
      const shadow = template.parentElement?.attachShadow({ mode: 'open' });
      template.remove();
      shadow?.append(content);
      if (shadow) mountTemplates(shadow);
    } else if (template.hasAttribute('data-iframe')) {
      mountFrame(template, content);
    }
  }
}

function mountFrame(template: Element, content: DocumentFragment): void {
  const document = template.ownerDocument;
  const frame = document.createElement('iframe');
  for (const attr of Array.from(template.attributes)) {
    if (attr.name !== 'data-iframe') frame.setAttribute(attr.name, attr.value);
  }
  template.replaceWith(frame);
  if (frame.contentDocument === null) {
    // jsdom gives a frame a document only once it has been in the document tree proper; moved
    // into a shadow root from there, it gets a fresh one (browsers load it in place).
    const [parent, next] = [frame.parentNode, frame.nextSibling];
    document.body.append(frame);
    parent?.insertBefore(frame, next);
  }
  const inner = frame.contentDocument!;
  inner.body.append(inner.importNode(content, true));
  mountTemplates(inner);
}

export function buildDocument(html: string): Document {
  const page = html.trimStart().startsWith('<html') ? html : `<html><body>${html}</body></html>`;
  const { document } = new JSDOM(`<!doctype html>${page}`).window;
  mountTemplates(document);
  return document;
}

/** Finds the marked element through shadow roots and iframes, and strips the marker. */
export function takeMarked(root: ParentNode): Element | undefined {
  const found = root.querySelector(`[${MARK}]`);
  if (found) {
    found.removeAttribute(MARK);
    return found;
  }
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const inner = element.shadowRoot ?? (element as HTMLIFrameElement).contentDocument ?? null;
    const deep = inner ? takeMarked(inner) : undefined;
    if (deep) return deep;
  }
  return undefined;
}

export function runScenario(scenario: Scenario, strategy: Strategy): Outcome {
  const before = buildDocument(scenario.before);
  const target = takeMarked(before);
  if (!target) throw new Error(`${scenario.name}: no ${MARK} in before`);
  const anchor = strategy.create(target);
  const after = buildDocument(scenario.after);
  const expected = takeMarked(after);
  const actual = strategy.resolve(anchor, after);
  before.defaultView?.close();
  after.defaultView?.close();
  if (actual === (expected ?? null)) return 'right';
  return actual === null ? 'null' : 'wrong';
}
