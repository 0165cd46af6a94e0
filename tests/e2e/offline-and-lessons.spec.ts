import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  callBackground,
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
} from './support/extension';
import type { FixtureServer } from './support/fixture-server';
import { inPageUi } from './support/in-page';
import { answerCheck } from './support/lessons';
import { startSites, URLS } from './support/sites';

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startSites();
});
test.afterAll(async () => server?.close());

test('search works with the network off, typos included, with keyboard navigation', async () => {
  const browser = await launchWithExtension();
  try {
    await browser.context.setOffline(true);
    const panel = await openPanelFor(browser);
    await panel.getByRole('tab', { name: 'Search' }).click();
    const box = panel.getByRole('combobox', { name: 'Search' });
    await box.fill('merge duplicat tickts');
    const first = panel.getByRole('option').first();
    await expect(first).toContainText(/merge/i);
    await expect(panel.locator('mark').first()).toBeVisible();
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect(panel.getByRole('heading', { level: 1 })).toContainText(/merge/i);
    await panel.getByRole('button', { name: 'Yes' }).click();
    await expect(
      panel.getByRole('group', { name: 'Was this helpful?' }).getByRole('status'),
    ).toHaveText('Thanks — noted.');
    await panel.screenshot({ path: test.info().outputPath('side-panel-article-offline.png') });

    await panel.getByRole('button', { name: '← Back' }).click();
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('combobox', { name: 'Search' }).fill('zzqxv');
    await expect(panel.getByRole('status').filter({ hasText: 'Nothing matches' })).toContainText(
      'Nothing matches “zzqxv”',
    );

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('combobox', { name: 'Search' }).fill('sla breach');
    await expect(popup.getByRole('option').first()).toBeVisible();
    await expect(popup.locator('.status')).toContainText('items for 10 apps');
  } finally {
    await browser.close();
  }
});

test('a lesson is completed, highlights its step on the page, and its progress survives a browser restart', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'waymark-lesson-'));
  try {
    let browser = await launchWithExtension(profile);
    const page = await browser.context.newPage();
    await page.goto(server.url(...URLS.zendesk));
    await expect
      .poll(async () => (await inPageUi(page)).launcher?.attrs['data-count'], { timeout: 15_000 })
      .toMatch(/^\d+$/);
    const panel = await openPanelFor(browser, await tabIdShowing(browser, '123'));
    await panel.getByRole('tab', { name: 'Learn' }).click();
    await panel.getByRole('button', { name: 'Zendesk ticket basics' }).first().click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Zendesk ticket basics');
    // Steps 1-2, then step 3 has an anchor: "Show me on the page" rings the Priority field.
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByRole('button', { name: 'Show me on the page' }).click();
    const select = page.locator('[data-test-id="ticket-form-field-priority"]');
    await expect
      .poll(async () => {
        const [ring, target] = [(await inPageUi(page)).highlight?.box, await select.boundingBox()];
        return (
          ring !== undefined &&
          target !== null &&
          Math.abs(ring.x + 4 - target.x) < 3 &&
          Math.abs(ring.width - 8 - target.width) < 3
        );
      })
      .toBe(true);
    await page.bringToFront();
    await page.screenshot({ path: test.info().outputPath('lesson-step-highlight.png') });
    await panel.bringToFront();
    // Leave mid-lesson: the browser closes here.
    await expect(panel.getByRole('heading', { level: 2 })).toContainText('Step 3 of');
    // The place is saved behind the click; the browser closes once the store has it.
    await expect
      .poll(async () => {
        const saved = await callBackground<{ step: number }>(panel, 'bg:lesson-progress', {
          id: 'zendesk-ticket-basics',
        });
        return saved.step;
      })
      .toBe(2);
    await browser.close();

    browser = await launchWithExtension(profile);
    const again = await openPanelFor(browser);
    await again.getByRole('tab', { name: 'Learn' }).click();
    await again.getByRole('button', { name: 'Zendesk ticket basics' }).first().click();
    await expect(again.getByRole('heading', { level: 2 })).toContainText('Step 3 of');
    while (await again.getByRole('button', { name: 'Next' }).isVisible())
      await again.getByRole('button', { name: 'Next' }).click();
    await again.getByRole('button', { name: 'Check what you learned' }).click();
    await answerCheck(again, 'zendesk-ticket-basics', () => true);
    await again.screenshot({
      path: test.info().outputPath('lesson-knowledge-check.png'),
      fullPage: true,
    });
    await again.getByRole('button', { name: 'Finish lesson' }).click();
    await expect(again.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
    await browser.close();

    browser = await launchWithExtension(profile);
    const third = await openPanelFor(browser);
    await third.getByRole('tab', { name: 'Learn' }).click();
    const path = third.getByRole('region', { name: 'Support agent — week 1' });
    await expect(
      path
        .locator('li', { hasText: 'Zendesk ticket basics' })
        .getByText('completed', { exact: true }),
    ).toHaveCount(1);
    await browser.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
