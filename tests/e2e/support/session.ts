import { expect, test, type Page } from '@playwright/test';
import {
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
  type ExtensionBrowser,
} from './extension';
import type { FixtureServer } from './fixture-server';
import { inPageUi } from './in-page';
import { startSites, URLS } from './sites';

/**
 * The fixture sites and one browser with the extension, shared by a spec file's tests: registers
 * the file's beforeAll/afterAll and hands back live references.
 */
export function sitesAndExtension(
  extensionDir?: string,
  before?: () => void,
  /** The browser's UI language (`de`, `ar`). */
  language?: string,
): { server: FixtureServer; browser: ExtensionBrowser } {
  const session = {} as { server: FixtureServer; browser: ExtensionBrowser };
  test.beforeAll(async () => {
    before?.();
    session.server = await startSites();
    session.browser = await launchWithExtension(undefined, extensionDir, language);
  });
  test.afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * The Zendesk fixture ticket (#123) in a new page, once Waymark has counted what is relevant
 * there, and the side panel pinned to its tab.
 */
export async function ticketWithPanel(session: {
  server: FixtureServer;
  browser: ExtensionBrowser;
}): Promise<{ page: Page; panel: Page }> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs['data-count'], { timeout: 15_000 })
    .toMatch(/^\d+$/);
  const panel = await openPanelFor(session.browser, await tabIdShowing(session.browser, '123'));
  return { page, panel };
}
