import { expect, test } from '@playwright/test';
import { extensionWorlds, launchWithExtension, type ExtensionBrowser } from './support/extension';
import type { FixtureServer } from './support/fixture-server';
import { inPageUi } from './support/in-page';
import { startSites, URLS } from './support/sites';

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  server = await startSites();
  browser = await launchWithExtension();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the content script runs on a catalogue host and shows the launcher', async () => {
  const page = await browser.context.newPage();
  const worlds = await extensionWorlds(page, browser.extensionId);
  await page.goto(server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs.title, { timeout: 15_000 })
    .toBe('Zendesk Support · Ticket · ticket 123');
  expect(worlds).toEqual(['Waymark']);
  await page.close();
});

test('nothing is injected on a vendor site or a host outside the catalogue', async () => {
  for (const url of [
    server.url('www.zendesk.com', '/agent/tickets/1'),
    server.url('intranet.example', '/'),
  ]) {
    const page = await browser.context.newPage();
    const worlds = await extensionWorlds(page, browser.extensionId);
    await page.goto(url);
    await page.waitForTimeout(1_000);
    expect((await inPageUi(page)).present).toBe(false);
    expect(worlds, `content script injected into ${url}`).toEqual([]);
    await page.close();
  }
});
