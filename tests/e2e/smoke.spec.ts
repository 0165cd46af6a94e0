import { expect, test } from '@playwright/test';
import {
  extensionWorlds,
  launcherText,
  launchWithExtension,
  type ExtensionBrowser,
} from './support/extension';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  server = await startFixtureServer([
    { path: /^\/agent\/tickets\/\d+$/, page: 'zendesk-ticket.html' },
    { path: /.*/, page: 'plain.html' },
  ]);
  browser = await launchWithExtension();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the content script recognises a Zendesk ticket and shows the launcher', async () => {
  const page = await browser.context.newPage();
  const worlds = await extensionWorlds(page, browser.extensionId);
  await page.goto(server.url('acme.zendesk.com', '/agent/tickets/123'));
  await expect
    .poll(() => launcherText(page), { timeout: 10_000 })
    .toMatch(/^Waymark Zendesk.* · Ticket · ticket 123$/);
  expect(worlds).toEqual(['Waymark']);
  await page.screenshot({ path: test.info().outputPath('launcher-zendesk-ticket.png') });

  await page.click('#next-ticket');
  await expect
    .poll(() => launcherText(page), { timeout: 10_000 })
    .toMatch(/^Waymark Zendesk.* · Ticket · ticket 456$/);
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
    expect(await launcherText(page)).toBeUndefined();
    expect(worlds, `content script injected into ${url}`).toEqual([]);
    await page.close();
  }
});
