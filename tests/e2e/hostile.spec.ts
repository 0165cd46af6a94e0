import { expect, test } from '@playwright/test';
import { openSidePanels } from './support/extension';
import { inPageUi } from './support/in-page';
import { URLS } from './support/sites';
import { sitesAndExtension } from './support/session';

const session = sitesAndExtension();

test('a hostile page neither breaks the UI nor gets any answer', async () => {
  const page = await session.browser.context.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => m.text().includes('Waymark') && warnings.push(m.text()));
  session.browser.worker.on('console', (m) => warnings.push(`SW: ${m.text()}`));
  await page.goto(session.server.url(...URLS.hostile));

  // The launcher is there and visible despite `* { all: unset !important }` and `display: none` on its host.
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs.title, { timeout: 15_000 })
    .toBe('Zendesk Support · Ticket · ticket 666');
  const ui = await inPageUi(page);
  expect(ui.launcher?.box?.width).toBeGreaterThan(60);
  const select = await page.locator('[data-test-id="ticket-form-field-priority"]').boundingBox();
  await expect
    .poll(async () => (await inPageUi(page)).beacons[0]?.box?.x)
    .toBeCloseTo((select?.x ?? 0) + (select?.width ?? 0) - 9, 0);
  await page.screenshot({ path: test.info().outputPath('hostile-page.png') });

  // Twenty rounds of forged messages and events (one per 100 ms, counted by the page itself):
  // nothing opens, nothing answers, nothing is readable.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            (window as unknown as { __hostile: { forgedClicks: number } }).__hostile.forgedClicks,
        ),
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(20);
  const hostile = await page.evaluate(
    () =>
      (
        window as unknown as {
          __hostile: { answers: number; shadowReadable: boolean; forgedClicks: number };
        }
      ).__hostile,
  );
  expect(hostile.answers).toBe(0);
  expect(hostile.shadowReadable).toBe(false);
  expect((await inPageUi(page)).card).toBeUndefined();
  expect((await inPageUi(page)).highlight).toBeUndefined();
  expect(await openSidePanels(session.browser)).toBe(0);
  expect(warnings).toEqual([]);
});
