import type { CDPSession, Page } from '@playwright/test';

/**
 * Waymark's in-page UI lives in a closed shadow root that page scripts (and Playwright's locators)
 * cannot enter. The DevTools protocol can: these helpers read it through CDP, and clicks go through
 * the real mouse at the element's box, so they are trusted events like a user's.
 */
interface Node {
  nodeName: string;
  backendNodeId: number;
  nodeValue?: string;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface UiPart {
  text: string;
  attrs: Record<string, string>;
  box: Box | undefined;
}

export interface InPageUi {
  present: boolean;
  launcher: UiPart | undefined;
  beacons: UiPart[];
  card: UiPart | undefined;
  highlight: UiPart | undefined;
  /** The highlight's callout naming the field. */
  callout: UiPart | undefined;
  /** A short note with one action ("Tip hidden · Undo"). */
  toast: UiPart | undefined;
  /** An announcement shown beside the launcher. */
  announcement?: UiPart | undefined;
}

const attrsOf = (node: Node): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2)
    out[node.attributes![i]!] = node.attributes![i + 1]!;
  return out;
};
const kids = (node: Node): Node[] => [...(node.shadowRoots ?? []), ...(node.children ?? [])];
const textOf = (node: Node): string =>
  node.nodeName === '#text'
    ? (node.nodeValue ?? '')
    : node.nodeName === 'STYLE'
      ? ''
      : kids(node).map(textOf).join(' ');
function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of kids(node)) yield* walk(child);
}

async function boxOf(cdp: CDPSession, node: Node): Promise<Box | undefined> {
  try {
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
    const [x1, y1, x2, , , y3] = model.border;
    return { x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! };
  } catch {
    return undefined; // not rendered (hidden)
  }
}

/** Runs `fn` on the page's whole DOM tree, closed shadow roots included, through a CDP session. */
async function withDocument<T>(
  page: Page,
  fn: (root: Node, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', {
      depth: -1,
      pierce: true,
    })) as unknown as { root: Node };
    return await fn(root, cdp);
  } finally {
    await cdp.detach();
  }
}

export async function inPageUi(page: Page): Promise<InPageUi> {
  return withDocument(page, async (root, cdp) => {
    const host = [...walk(root)].find((n) => n.nodeName === 'WAYMARK-ROOT');
    if (host === undefined)
      return {
        present: false,
        launcher: undefined,
        beacons: [],
        card: undefined,
        highlight: undefined,
        callout: undefined,
        toast: undefined,
      };
    const part = async (node: Node): Promise<UiPart> => ({
      text: textOf(node).replace(/\s+/g, ' ').trim(),
      attrs: attrsOf(node),
      box: await boxOf(cdp, node),
    });
    const byClass = (cls: string) =>
      [...walk(host)].filter((n) => (attrsOf(n).class ?? '').split(' ').includes(cls));
    const first = async (cls: string) => {
      const node = byClass(cls)[0];
      return node === undefined ? undefined : part(node);
    };
    return {
      present: true,
      launcher: await first('launcher'),
      beacons: await Promise.all(byClass('beacon').map(part)),
      card: await first('card'),
      highlight: await first('highlight'),
      callout: await first('callout'),
      toast: await first('toast'),
      announcement: await first('announcement'),
    };
  });
}

/** Clicks the middle of a box with the real mouse (a trusted event). */
/** A beacon (18 px) sits on its element's top-right corner, within a few pixels. */
export const beaconOn = (beacon: Box | undefined, target: Box | null): boolean =>
  beacon !== undefined &&
  target !== null &&
  Math.abs(beacon.x + 9 - (target.x + target.width)) < 4 &&
  Math.abs(beacon.y + 9 - target.y) < 4;

export async function clickBox(page: Page, box: Box | undefined): Promise<void> {
  if (box === undefined) throw new Error('nothing to click: the element is not rendered');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Clicks a button inside a UI part (the card) by its visible text. */
export async function clickInCard(page: Page, label: string): Promise<void> {
  const box = await withDocument(page, async (root, cdp) => {
    const button = [...walk(root)].find(
      (n) => n.nodeName === 'BUTTON' && textOf(n).trim() === label,
    );
    if (button === undefined) throw new Error(`no button "${label}" in the page UI`);
    return boxOf(cdp, button);
  });
  await clickBox(page, box);
}

/**
 * Clicks a beacon and waits for its card. A beacon is repositioned on the next animation frame
 * after scrolls and re-renders, so a click that lands on its previous spot is retried with the
 * fresh position.
 */
export async function openTipCard(
  page: Page,
  which: (beacons: UiPart[]) => UiPart | undefined = (b) => b.find((x) => x.box),
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const beacon = which((await inPageUi(page)).beacons);
    if (beacon?.box !== undefined) await clickBox(page, beacon.box);
    for (let wait = 0; wait < 10; wait++) {
      const card = (await inPageUi(page)).card;
      if (card !== undefined) return card.text;
      await page.waitForTimeout(100);
    }
  }
  const ui = await inPageUi(page);
  throw new Error(
    `no tip card opened after 5 clicks on the beacon: ${JSON.stringify(ui.beacons.slice(0, 3))}`,
  );
}
