import { expect, test, type Page } from '@playwright/test';
import { openPanelFor, tabIdShowing } from './support/extension';
import { clickInCard, inPageUi, openTipCard } from './support/in-page';
import { URLS } from './support/sites';
import { sitesAndExtension } from './support/session';

const session = sitesAndExtension();

async function ticket(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).beacons.filter((b) => b.box).length, {
      timeout: 15_000,
    })
    .toBe(1);
  return page;
}

const shownBeacons = async (page: Page) =>
  (await inPageUi(page)).beacons.filter((b) => b.box).length;

test('"Got it" can be undone at once, and a hidden tip can be shown again from the panel', async () => {
  const page = await ticket();
  await openTipCard(page);
  await clickInCard(page, 'Got it');
  await expect.poll(() => shownBeacons(page)).toBe(0);
  await expect.poll(async () => (await inPageUi(page)).toast?.text).toBe('Tip hidden. Undo');
  await page.screenshot({ path: test.info().outputPath('tip-undo.png') });
  await clickInCard(page, 'Undo');
  await expect.poll(() => shownBeacons(page)).toBe(1);

  // Hidden for good this time (the note goes by itself)…
  await openTipCard(page);
  await clickInCard(page, 'Got it');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await inPageUi(page)).toast).toBeUndefined();
  await page.reload();
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs['data-count'], { timeout: 15_000 })
    .toMatch(/^\d+$/);
  // …until the learner asks for it back in "For this page".
  const panel = await openPanelFor(session.browser, await tabIdShowing(session.browser, '123'));
  const hidden = panel.getByRole('region', { name: 'Tips you hid on this screen' });
  await expect(hidden).toContainText('The Priority field drives the SLA clock');
  await panel.screenshot({ path: test.info().outputPath('hidden-tips.png'), fullPage: true });
  await hidden.getByRole('button', { name: 'Show again' }).click();
  await expect(hidden).toHaveCount(0);
  await page.reload();
  await expect.poll(() => shownBeacons(page), { timeout: 15_000 }).toBe(1);
  await panel.close();
  await page.close();
});

test('a tip can be rated helpful or not, on its card', async () => {
  const page = await ticket();
  await openTipCard(page);
  await clickInCard(page, 'Yes');
  await expect
    .poll(async () => (await inPageUi(page)).card?.text ?? '')
    .toContain('Helpful? Yes No');
  const pressed = await session.browser.worker.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('waymark');
        open.onsuccess = () => {
          const get = open.result
            .transaction('votes')
            .objectStore('votes')
            .get('zendesk-priority-drives-the-sla-clock');
          get.onsuccess = () => resolve((get.result as { helpful?: boolean } | undefined)?.helpful);
        };
      }),
  );
  expect(pressed).toBe(true);
  await page.close();
});

test('search labels each result with its app, puts the page’s app first, filters in one click, and takes a content request', async () => {
  const page = await ticket();
  const panel = await openPanelFor(session.browser, await tabIdShowing(session.browser, '123'));
  await panel.getByRole('tab', { name: 'Search' }).click();
  await panel.getByRole('combobox', { name: 'Search' }).fill('dup');
  const results = panel.getByRole('option');
  await expect(results.first()).toBeVisible();
  const labels = await panel.locator('[role=option] .app-label').allInnerTexts();
  expect(labels.some((l) => l.includes('Salesforce'))).toBe(true);
  const current = await panel
    .locator('[role=option] .app-label')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-current') === 'true'));
  // The page's app (and every-app items) first: no current-app result after another app's.
  expect(current.indexOf(false) === -1 || current.lastIndexOf(true) < current.indexOf(false)).toBe(
    true,
  );
  await panel.screenshot({ path: test.info().outputPath('search-app-labels.png') });

  await panel.getByRole('button', { name: 'Only Zendesk Support' }).click();
  await expect(panel.getByRole('button', { name: 'Only Zendesk Support' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect
    .poll(async () =>
      (await panel.locator('[role=option] .app-label').allInnerTexts()).every(
        (l) => l.includes('Zendesk') || l === 'Every app',
      ),
    )
    .toBe(true);

  await panel.getByRole('combobox', { name: 'Search' }).fill('zzqxv');
  await expect(panel.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible();
  await panel.getByRole('button', { name: 'Request content or ask an expert' }).click();
  await expect(panel.getByRole('textbox', { name: /What do you need to know/ })).toHaveValue(
    'I was looking for: zzqxv',
  );
  await panel.getByRole('button', { name: 'Send request' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Thanks' })).toContainText(
    'with where you were (Zendesk Support · Ticket)',
  );
  await panel.screenshot({ path: test.info().outputPath('request-content.png') });
  await panel.close();
  await page.close();
});
