import { expect, test, type Page } from '@playwright/test';
import { openSidePanels, tabIdShowing } from './support/extension';
import { toContentScript } from './support/clearance';
import { inPageUi } from './support/in-page';
import { URLS } from './support/sites';
import { sitesAndExtension, ticketWithPanel } from './support/session';

const session = sitesAndExtension();

const focusedName = (panel: Page) =>
  panel.evaluate(() => {
    const el = document.activeElement;
    return `${el?.getAttribute('role') ?? el?.localName}:${el?.textContent?.trim() ?? ''}`;
  });

test('the page shortcut focuses the launcher, then moves through the tips (Esc closes one), and Enter opens the panel', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).beacons.filter((b) => b.box).length, {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  const tabId = await tabIdShowing(session.browser, '123');
  expect(await toContentScript(session.browser, tabId, 'cs:focus-next')).toEqual({
    focused: 'launcher',
  });
  // Focus is inside Waymark's closed shadow root: the page sees its host focused.
  expect(await page.evaluate(() => document.activeElement?.localName)).toBe('waymark-root');
  expect(await toContentScript(session.browser, tabId, 'cs:focus-next')).toEqual({
    focused: 'tip zendesk-priority-drives-the-sla-clock',
  });
  await expect.poll(async () => (await inPageUi(page)).card?.text ?? '').toContain('Priority');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await inPageUi(page)).card).toBeUndefined();
  // Past the last tip, back to the launcher; Enter there opens the side panel.
  expect(await toContentScript(session.browser, tabId, 'cs:focus-next')).toEqual({
    focused: 'launcher',
  });
  await page.keyboard.press('Enter');
  await expect.poll(() => openSidePanels(session.browser), { timeout: 10_000 }).toBe(1);
  await page.close();
});

test('panel tabs follow the ARIA tabs pattern; a result opens with focus on its heading; Esc goes back to it', async () => {
  const { page, panel } = await ticketWithPanel(session);
  const tab = (name: RegExp) => panel.getByRole('tab', { name });
  await tab(/For this page/).focus();
  await expect(panel.getByRole('tab', { selected: true })).toHaveAttribute('tabindex', '0');
  await expect(panel.locator('[role=tab][tabindex="-1"]')).toHaveCount(2);
  await panel.keyboard.press('ArrowRight');
  await expect(tab(/Search/)).toBeFocused();
  await expect(tab(/Search/)).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-search');
  await panel.keyboard.press('End');
  await expect(tab(/Learn/)).toBeFocused();
  await panel.keyboard.press('ArrowRight');
  await expect(tab(/For this page/)).toBeFocused();
  await panel.keyboard.press('Home');
  await expect(tab(/For this page/)).toHaveAttribute('aria-selected', 'true');

  // Into the list: Tab reaches the first suggestion, Enter opens it, focus lands on its title.
  await panel.keyboard.press('Tab');
  const first = panel.locator('.items .item').first();
  const title = await first.locator('.item-title').innerText();
  await first.focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await focusedName(panel)).toBe(`h1:${title}`);
  await panel.keyboard.press('Escape');
  // Back on the list, whose h1 is the panel's name again.
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Waymark');
  await expect(first).toBeFocused();
  await page.close();
  await panel.close();
});
