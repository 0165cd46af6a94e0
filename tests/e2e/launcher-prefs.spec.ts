import { expect, test, type Page } from '@playwright/test';
import {
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
  type ExtensionBrowser,
} from './support/extension';
import { controlsUnder, toContentScript } from './support/clearance';
import type { FixtureServer } from './support/fixture-server';
import { inPageUi } from './support/in-page';
import { startSites, URLS } from './support/sites';

let sites: FixtureServer;
let browser: ExtensionBrowser;
test.beforeAll(async () => {
  sites = await startSites();
});
test.afterAll(async () => sites?.close());
// Each test starts from a fresh profile: what the learner did to the launcher is remembered.
test.beforeEach(async () => {
  browser = await launchWithExtension();
});
test.afterEach(async () => browser?.close());

async function ticket(url: readonly [string, string] = URLS.zendesk): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(sites.url(...url));
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs['data-room'], { timeout: 15_000 })
    .toBe('ok');
  // The launcher knows the learner's choices (and the page its count) before tests act.
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs.title)
    .toMatch(/Ticket|Case/);
  return page;
}

const launcher = async (page: Page) => (await inPageUi(page)).launcher;

const OPTIONS = ['Move to the', 'Minimise', 'Snooze for 1 hour', 'Hide on this site'];

/** With the launcher focused: Tab to its options, open them, arrow to `name`, Enter. */
async function chooseOption(page: Page, name: string) {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await inPageUi(page)).launcher?.text ?? '').toContain(name);
  const steps = OPTIONS.findIndex((o) => name.startsWith(o) || o.startsWith(name));
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test('dragged to the left edge, the launcher docks there, is remembered for the app, and stays off controls', async () => {
  const page = await ticket();
  const box = (await launcher(page))!.box!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(400, 300, { steps: 8 });
  await page.mouse.move(120, 260, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await launcher(page))?.attrs['data-edge']).toBe('left');
  await expect.poll(async () => controlsUnder(page, (await launcher(page))!.box!)).toEqual([]);
  // A drag is not a click: no side panel was asked for.
  const docked = (await launcher(page))!.box!;
  expect(docked.x).toBeLessThan(640);

  await page.reload();
  await expect
    .poll(async () => (await launcher(page))?.attrs['data-edge'], { timeout: 15_000 })
    .toBe('left');
  // Another app keeps its own place.
  const other = await ticket(URLS.salesforce);
  await expect.poll(async () => (await launcher(other))?.attrs['data-edge']).toBe('right');
});

test('from the keyboard: focus (the shortcut), move with Alt+arrows, minimise and hide on the site; the panel shows it again', async () => {
  const page = await ticket();
  const tabId = await tabIdShowing(browser, '123');
  expect(await toContentScript(browser, tabId, 'cs:focus-next')).toEqual({ focused: 'launcher' });
  const before = (await launcher(page))!.box!;
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await launcher(page))!.box!.y).toBeLessThan(before.y - 40);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(async () => (await launcher(page))?.attrs['data-edge']).toBe('left');

  // Tab to the options (a menu button); Enter opens the menu, ↓ moves, Enter chooses.
  await chooseOption(page, 'Minimise');
  await expect.poll(async () => (await launcher(page))?.attrs.class).toContain('min');
  await page.screenshot({ path: test.info().outputPath('launcher-minimised.png') });

  // "Hide on this site": the launcher and the beacons go; a reload keeps them gone.
  expect((await inPageUi(page)).beacons.length).toBeGreaterThan(0);
  // Focus is back on the launcher after a choice.
  await chooseOption(page, 'Hide on this site');
  await expect.poll(async () => (await launcher(page))?.box).toBeUndefined();
  await expect.poll(async () => (await inPageUi(page)).beacons.filter((b) => b.box)).toEqual([]);
  await page.reload();
  await expect.poll(async () => (await inPageUi(page)).present, { timeout: 15_000 }).toBe(true);
  const panel = await openPanelFor(browser, await tabIdShowing(browser, '123'));
  await expect(panel.getByText('You hid the Waymark launcher on this site.')).toBeVisible();
  expect((await launcher(page))?.box).toBeUndefined();
  await panel.getByRole('button', { name: 'Show it again' }).click();
  await expect.poll(async () => (await launcher(page))?.box).toBeDefined();
  await expect(panel.getByText('You hid the Waymark launcher on this site.')).toHaveCount(0);
});

test('snoozed for an hour, the launcher stays away across reloads; the shortcut still reaches it', async () => {
  const page = await ticket();
  const tabId = await tabIdShowing(browser, '123');
  await toContentScript(browser, tabId, 'cs:focus-next');
  await chooseOption(page, 'Snooze for 1 hour');
  await expect.poll(async () => (await launcher(page))?.box).toBeUndefined();
  await page.reload();
  await expect.poll(async () => (await inPageUi(page)).present, { timeout: 15_000 }).toBe(true);
  const again = await tabIdShowing(browser, '123');
  // Asked for by keyboard, it shows for this visit.
  await expect
    .poll(async () => toContentScript(browser, again, 'cs:focus-next').catch(() => undefined))
    .toEqual({ focused: 'launcher' });
  await expect.poll(async () => (await launcher(page))?.box).toBeDefined();
});
