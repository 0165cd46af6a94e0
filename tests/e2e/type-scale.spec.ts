import { expect, test, type Page } from '@playwright/test';
import { sitesAndExtension, ticketWithPanel } from './support/session';

const session = sitesAndExtension();

/** Computed font size in px of the first element matching `selector`. */
const sizeOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('every extension page sets body text at 14 px, not Chromium’s 75 %, and titles dominate', async () => {
  const { page, panel } = await ticketWithPanel(session);
  await expect(panel.locator('.item-title').first()).toBeVisible();
  expect(await sizeOf(panel, 'body')).toBe(14);
  const [title, summary] = [
    await sizeOf(panel, '.item-title'),
    await sizeOf(panel, '.item-summary'),
  ];
  expect(title).toBeGreaterThan(summary);
  expect(summary).toBeGreaterThanOrEqual(13);
  expect(await sizeOf(panel, '.panel-footer .status')).toBeGreaterThanOrEqual(12);

  await panel.locator('.item').first().click();
  const h1 = await sizeOf(panel, 'h1');
  await expect(panel.locator('.markdown p').first()).toBeVisible();
  const paragraph = await sizeOf(panel, '.markdown p');
  expect(paragraph).toBe(14);
  expect(h1).toBeGreaterThanOrEqual(paragraph * 1.4);

  for (const name of ['popup', 'options']) {
    const other = await session.browser.context.newPage();
    await other.goto(`chrome-extension://${session.browser.extensionId}/${name}.html`);
    await expect(other.locator('.brand')).toBeVisible();
    expect(await sizeOf(other, 'body')).toBe(14);
    expect(await sizeOf(other, 'p')).toBeGreaterThanOrEqual(13);
    await other.close();
  }
  await panel.close();
  await page.close();
});
