import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './extension';
import type { Box } from './in-page';

/**
 * The page's controls that something covers: for each selector, whether a click at the middle
 * of the control would reach it (`elementFromPoint` is the control or inside it).
 */
export function coveredControls(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate(
    (list) =>
      list.filter((selector) => {
        const control = document.querySelector(selector);
        if (control === null) return false;
        const r = control.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === null || !(hit === control || control.contains(hit));
      }),
    selectors,
  );
}

/**
 * What of the page lies under a box (the launcher's): on a grid over the box and a 4 px margin,
 * the topmost page element under Waymark's own element (`elementsFromPoint`), when it is
 * something to act on. Empty when the box covers no control.
 */
export function controlsUnder(page: Page, box: Box): Promise<string[]> {
  return page.evaluate((b) => {
    const found = new Set<string>();
    for (let fx = 0; fx <= 1; fx += 0.25)
      for (let fy = 0; fy <= 1; fy += 0.5) {
        const x = b.x - 4 + fx * (b.width + 8);
        const y = b.y - 4 + fy * (b.height + 8);
        const under = document.elementsFromPoint(x, y).find((e) => e.localName !== 'waymark-root');
        const control = under?.closest('button, a[href], input, select, textarea, [role=button]');
        if (control) found.add(control.id || control.localName);
      }
    return [...found];
  }, box);
}

/** Sends a message to a tab's content script as the background does (the keyboard command). */
export async function toContentScript<T>(
  browser: ExtensionBrowser,
  tabId: number,
  type: string,
  payload: object = {},
): Promise<T> {
  const reply = await browser.worker.evaluate(
    async ([id, t, p]) =>
      (
        globalThis as unknown as {
          chrome: { tabs: { sendMessage(tab: number, m: unknown): Promise<unknown> } };
        }
      ).chrome.tabs.sendMessage(id, { waymark: 1, type: t, payload: p }),
    [tabId, type, payload] as const,
  );
  const r = reply as { ok: boolean; result: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.result;
}
