import { test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server';
import {
  EXTENSION_ORIGIN,
  launchFirefox,
  rendered,
  until,
  type FirefoxWithExtension,
} from './firefox';
import { clickNode } from './firefox-actions';
import { inPageUi } from './firefox-in-page';
import { startSites } from './sites';

/**
 * The fixture sites and one Firefox with the add-on, shared by a spec file's tests: registers the
 * file's beforeAll/afterAll and hands back live references.
 */
export function sitesAndFirefox(): { server: FixtureServer; firefox: FirefoxWithExtension } {
  const session = {} as { server: FixtureServer; firefox: FirefoxWithExtension };
  test.beforeAll(async () => {
    session.server = await startSites();
    session.firefox = await launchFirefox();
  });
  test.afterAll(async () => {
    await session.firefox?.close();
    await session.server?.close();
  });
  return session;
}

/** A new tab at `url`, once Waymark's launcher there shows how many items fit. */
export async function pageWithLauncher(firefox: FirefoxWithExtension, url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(url);
  await until(
    'the launcher with its count',
    async () => (await inPageUi(firefox.bidi, page)).launcher?.attrs['data-count'],
  );
  return page;
}

/**
 * What a Firefox user does to reach the panel from the page: click the launcher. Firefox will not
 * open its sidebar from a page's click, so Waymark's note says what to do instead: its words.
 */
export async function clickLauncher(firefox: FirefoxWithExtension, page: Page): Promise<string> {
  const launcher = (await inPageUi(firefox.bidi, page)).launcher;
  if (launcher === undefined) throw new Error('no launcher on the page');
  await clickNode(firefox.bidi, page, launcher);
  const note = await until(
    'the note saying what to do instead',
    async () => (await inPageUi(firefox.bidi, page)).panelNote,
  );
  return note.text;
}

/** The note's "Open in a tab": the panel page, pinned to this tab, in a new tab. */
export async function openPanelInTab(
  firefox: FirefoxWithExtension,
  page: Page,
): Promise<{ panel: Page; tabId: number }> {
  const { bidi, browser } = firefox;
  const open = (await inPageUi(bidi, page)).buttons.find((b) => b.text === 'Open in a tab');
  if (open === undefined) throw new Error('no "Open in a tab" on the page');
  const before = new Set(await browser.pages());
  await clickNode(bidi, page, open);
  const opened = await until('the panel tab', async () =>
    (await browser.pages()).find((p) => !before.has(p)),
  );
  const href = await until('the panel page', async () => {
    const url = await opened.evaluate(() => location.href);
    return url.startsWith(`${EXTENSION_ORIGIN}/sidepanel.html`) ? url : undefined;
  });
  await rendered(opened);
  return { panel: opened, tabId: Number(new URL(href).searchParams.get('tab')) };
}

/** The launcher, then "Open in a tab": the panel for this page. */
export async function panelFor(
  firefox: FirefoxWithExtension,
  page: Page,
): Promise<{ panel: Page; tabId: number }> {
  await clickLauncher(firefox, page);
  return openPanelInTab(firefox, page);
}
