import type { Page } from 'puppeteer-core';
import { contextOf, type Bidi } from './firefox';
import type { Box, UiPart } from './in-page';

/**
 * Waymark's in-page UI in Firefox, read the way in-page.ts reads it in Chromium but through
 * WebDriver BiDi: `script.evaluate` serialises the host with its closed shadow root
 * (`includeShadowTree: 'all'`), and nodes keep a shared id that later calls (its box, a click
 * through `input.performActions`, which Firefox treats as the user's) can name.
 */
interface BidiNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

export interface FirefoxUiPart extends UiPart {
  sharedId: string;
}

export interface FirefoxInPageUi {
  present: boolean;
  launcher: FirefoxUiPart | undefined;
  beacons: FirefoxUiPart[];
  card: FirefoxUiPart | undefined;
  highlight: FirefoxUiPart | undefined;
  /** What Waymark says when the browser would not open its side panel from the page. */
  panelNote: FirefoxUiPart | undefined;
  /** Every button in the UI, by its text. */
  buttons: FirefoxUiPart[];
}

const kids = (node: BidiNode): BidiNode[] => [
  ...(node.value?.shadowRoot ? [node.value.shadowRoot] : []),
  ...(node.value?.children ?? []),
];
function* walk(node: BidiNode): Generator<BidiNode> {
  yield node;
  for (const child of kids(node)) yield* walk(child);
}
const textOf = (node: BidiNode): string =>
  node.value?.nodeType === 3
    ? (node.value.nodeValue ?? '')
    : node.value?.localName === 'style'
      ? ''
      : kids(node).map(textOf).join(' ');
const hasClass = (node: BidiNode, cls: string) =>
  (node.value?.attributes?.class ?? '').split(' ').includes(cls);

async function boxOf(bidi: Bidi, context: string, sharedId: string): Promise<Box | undefined> {
  const { result } = (await bidi.send('script.callFunction', {
    functionDeclaration: String((el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width === 0 && r.height === 0 ? '' : JSON.stringify([r.x, r.y, r.width, r.height]);
    }),
    arguments: [{ sharedId }],
    target: { context },
    awaitPromise: false,
  })) as { result: { result: { value: string } } };
  if (result.result.value === '') return undefined; // not rendered (hidden)
  const [x, y, width, height] = JSON.parse(result.result.value) as number[];
  return { x: x!, y: y!, width: width!, height: height! };
}

export async function inPageUi(bidi: Bidi, page: Page): Promise<FirefoxInPageUi> {
  const context = contextOf(page);
  const { result } = (await bidi.send('script.evaluate', {
    expression: 'document.querySelector("waymark-root")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: null },
  })) as { result: { result: BidiNode } };
  const host = result.result;
  const part = async (node: BidiNode): Promise<FirefoxUiPart> => ({
    text: textOf(node).replace(/\s+/g, ' ').trim(),
    attrs: node.value?.attributes ?? {},
    box: await boxOf(bidi, context, node.sharedId!),
    sharedId: node.sharedId!,
  });
  const nodes = host.type === 'node' ? [...walk(host)] : [];
  const first = async (cls: string) => {
    const node = nodes.find((n) => hasClass(n, cls));
    return node === undefined ? undefined : part(node);
  };
  return {
    present: nodes.length > 0,
    launcher: await first('launcher'),
    beacons: await Promise.all(nodes.filter((n) => hasClass(n, 'beacon')).map(part)),
    card: await first('card'),
    highlight: await first('highlight'),
    panelNote: await first('panel-note'),
    buttons: await Promise.all(nodes.filter((n) => n.value?.localName === 'button').map(part)),
  };
}
