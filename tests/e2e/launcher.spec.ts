import { expect, test, type Page } from '@playwright/test';
import { openSidePanels } from './support/extension';
import { controlsUnder, coveredControls } from './support/clearance';
import { inPageUi } from './support/in-page';
import { URLS } from './support/sites';
import { sitesAndExtension } from './support/session';

const session = sitesAndExtension();

const CORNERS = ['#top-left', '#top-right', '#bottom-left', '#bottom-right', '#bottom-right-menu'];

async function launcherBox(page: Page) {
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs['data-room'], { timeout: 15_000 })
    .toBe('ok');
  const box = (await inPageUi(page)).launcher?.box;
  if (box === undefined) throw new Error('the launcher is not rendered');
  return box;
}

/** The launcher is on screen, covers no control, and every listed control takes a click. */
async function expectClear(page: Page, controls: string[]) {
  await expect.poll(async () => controlsUnder(page, await launcherBox(page))).toEqual([]);
  expect(await coveredControls(page, controls)).toEqual([]);
}

test('on a page with its primary actions in every corner, the launcher covers none of them', async () => {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(session.server.url(...URLS.corners));
  await expectClear(page, CORNERS);
  await page.screenshot({ path: test.info().outputPath('launcher-corners.png') });

  // Every corner control still works with the real mouse.
  for (const id of CORNERS) await page.click(id);
  expect(await page.evaluate(() => (window as unknown as { clicked: string[] }).clicked)).toEqual(
    CORNERS.map((c) => c.slice(1)),
  );

  // A narrower window (a side panel opened beside it): placed again, still clear.
  await page.setViewportSize({ width: 960, height: 640 });
  await expectClear(page, CORNERS);

  // The page renders a control right where the launcher is: the launcher moves off it.
  const box = await launcherBox(page);
  await page.evaluate(
    (b) => (window as unknown as { addControlAt(r: object): void }).addControlAt(b),
    box,
  );
  await expect
    .poll(async () => coveredControls(page, ['#late', ...CORNERS]), { timeout: 10_000 })
    .toEqual([]);
  await expectClear(page, ['#late', ...CORNERS]);
  await page.close();
});

test('on an Agent Workspace ticket, "Submit as Open" and its status menu stay clickable', async () => {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(session.server.url(...URLS.zendesk));
  const footer = ['#submit', '#status-menu', '[data-test-id="ticket-footer-macro-menu-button"]'];
  await expectClear(page, footer);
  await page.screenshot({ path: test.info().outputPath('launcher-zendesk-footer.png') });
  await page.click('#status-menu');
  expect(await page.evaluate(() => (window as unknown as { clicked: string[] }).clicked)).toEqual([
    'status-menu',
  ]);
  // The click reached the page's menu, not Waymark: no side panel opened.
  expect(await openSidePanels(session.browser)).toBe(0);

  await page.setViewportSize({ width: 960, height: 720 });
  await expectClear(page, footer);
  await page.close();
});
