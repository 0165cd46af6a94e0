import { expect, test } from '@playwright/test';
import { CHROME_EXTENSION_ID } from '@/scripts/extension-key';
import { extensionWorlds } from './support/extension';
import { inPageUi } from './support/in-page';
import { URLS } from './support/sites';
import { sitesAndExtension } from './support/session';

const session = sitesAndExtension();

test('the content script runs on a catalogue host and shows the launcher', async () => {
  const page = await session.browser.context.newPage();
  const worlds = await extensionWorlds(page, session.browser.extensionId);
  await page.goto(session.server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs.title, { timeout: 15_000 })
    .toBe('Zendesk Support · Ticket · ticket 123');
  expect(worlds).toEqual(['Waymark']);
  await page.close();
});

test('the unpacked build has the pinned id, so sign-in redirect URIs stay the same everywhere', () => {
  expect(session.browser.extensionId).toBe(CHROME_EXTENSION_ID);
});

test('nothing is injected on a vendor site or a host outside the catalogue', async () => {
  for (const url of [
    session.server.url('www.zendesk.com', '/agent/tickets/1'),
    session.server.url('intranet.example', '/'),
  ]) {
    const page = await session.browser.context.newPage();
    const worlds = await extensionWorlds(page, session.browser.extensionId);
    await page.goto(url);
    // The positive signal: a catalogue page opened after this one gets its launcher, so the
    // extension has had its chance to inject here (at document_idle, before that launcher).
    const control = await session.browser.context.newPage();
    await control.goto(session.server.url(...URLS.zendesk));
    await expect
      .poll(async () => (await inPageUi(control)).launcher?.attrs.title, { timeout: 15_000 })
      .toBe('Zendesk Support · Ticket · ticket 123');
    await control.close();
    expect((await inPageUi(page)).present).toBe(false);
    expect(worlds, `content script injected into ${url}`).toEqual([]);
    await page.close();
  }
});
