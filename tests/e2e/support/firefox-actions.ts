import type { Page } from 'puppeteer-core';
import { contextOf, until, type Bidi } from './firefox';

/**
 * What a user does in Firefox, over WebDriver BiDi: find an element by role and accessible name
 * (Firefox's accessibility tree, `browsingContext.locateNodes`), click it with the pointer and type
 * with the keyboard (`input.performActions`: trusted events, as a user's). They work in add-on
 * pages, where puppeteer's locators do not (they need a sandbox realm BiDi does not give there),
 * and on nodes inside Waymark's closed shadow root.
 */
export interface NodeRef {
  sharedId: string;
}

/**
 * The elements with this role and/or accessible name, in document order. `role` undefined finds
 * by name alone: a password field has no ARIA role, only its label.
 */
export async function byRole(
  bidi: Bidi,
  page: Page,
  role: string | undefined,
  name?: string,
): Promise<NodeRef[]> {
  const value = {
    ...(role === undefined ? {} : { role }),
    ...(name === undefined ? {} : { name }),
  };
  const { result } = (await bidi.send('browsingContext.locateNodes', {
    context: contextOf(page),
    locator: { type: 'accessibility', value },
  })) as { result: { nodes: NodeRef[] } };
  return result.nodes;
}

/** Scrolls a node into view if it is not, then clicks its middle with the pointer. */
export async function clickNode(bidi: Bidi, page: Page, target: NodeRef): Promise<void> {
  await bidi.send('script.callFunction', {
    functionDeclaration: String((el: Element) => el.scrollIntoView({ block: 'center' })),
    arguments: [target],
    target: { context: contextOf(page) },
    awaitPromise: false,
  });
  await bidi.send('input.performActions', {
    context: contextOf(page),
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: target } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** Waits for the first element with this role and name, then clicks it. */
export async function clickRole(bidi: Bidi, page: Page, role: string | undefined, name: string) {
  const node = await until(
    `${role ?? 'field'} "${name}"`,
    async () => (await byRole(bidi, page, role, name))[0],
  );
  await clickNode(bidi, page, node);
}

/** Clicks into the field with this role and name and types `text` in place of what it held. */
export async function typeInto(
  bidi: Bidi,
  page: Page,
  role: string | undefined,
  name: string,
  text: string,
) {
  await clickRole(bidi, page, role, name);
  // Replaces what is there (a template's example text), as a person selecting it all would.
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

/**
 * Runs `read` on a node in the page and returns its answer (JSON-serialisable). `read` is sent as
 * source, so it may use only its argument.
 */
export async function readNode<T>(
  bidi: Bidi,
  page: Page,
  node: NodeRef,
  read: (element: HTMLElement) => T,
): Promise<T> {
  const { result } = (await bidi.send('script.callFunction', {
    functionDeclaration: `(el) => JSON.stringify((${String(read)})(el))`,
    arguments: [node],
    target: { context: contextOf(page) },
    awaitPromise: false,
  })) as { result: { result: { value: string } } };
  return JSON.parse(result.result.value) as T;
}

/** The text of the elements with this role (all of them, or those with this name), joined. */
export async function textOfRole(
  bidi: Bidi,
  page: Page,
  role: string,
  name?: string,
): Promise<string> {
  const nodes = await byRole(bidi, page, role, name);
  const texts = await Promise.all(
    nodes.map((node) => readNode(bidi, page, node, (el) => el.textContent ?? '')),
  );
  return texts.join('\n');
}

/**
 * Clicks a tab until it is selected (`aria-selected="true"`). A click that lands while the panel
 * is still rendering can be lost; a user would click again, and so does this (every 100 ms until
 * the tab says it is selected).
 */
export async function selectTab(bidi: Bidi, page: Page, name: string): Promise<void> {
  await until(`tab "${name}" selected`, async () => {
    const [tab] = await byRole(bidi, page, 'tab', name);
    if (tab === undefined) return undefined;
    if (await isSelected(bidi, page, tab)) return true;
    // Clicking a tab again is harmless: it only selects it.
    await clickNode(bidi, page, tab);
    return undefined;
  });
}

function isSelected(bidi: Bidi, page: Page, tab: NodeRef): Promise<boolean> {
  return readNode(bidi, page, tab, (el) => el.getAttribute('aria-selected') === 'true');
}
