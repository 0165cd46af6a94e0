import { expect, test } from '@playwright/test';
import { beaconOn, inPageUi } from './support/in-page';
import { URLS } from './support/sites';
import { sitesAndExtension } from './support/session';

const session = sitesAndExtension();

test('a page grown to thousands of elements loads the narrowing by container once, and the beacon stays on its element', async () => {
  const loads: string[] = [];
  session.browser.context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/large-pages.js') loads.push(request.url());
  });
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(...URLS.zendesk));
  const select = page.locator('[data-test-id="ticket-form-field-priority"]');
  const onSelect = async () =>
    beaconOn((await inPageUi(page)).beacons[0]?.box, await select.boundingBox());
  await expect.poll(onSelect, { timeout: 15_000 }).toBe(true);
  // A small page never loads it.
  expect(loads).toEqual([]);

  // 1,500 look-alike rows (3,000 elements), as a long ticket or a table of records brings.
  await page.evaluate(() => {
    const rows = document.createElement('div');
    rows.innerHTML = '<div class="row"><button type="button">Apply</button></div>'.repeat(1500);
    document.body.append(rows);
  });
  // Beacons resolve again when their element is re-rendered away: the first resolve on the large
  // page starts the load (and is answered by the whole page meanwhile), the next uses it.
  await page.click('#rerender');
  await expect.poll(() => loads.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const requests = loads.length; // Chromium may report one import as more than one request
  await expect.poll(onSelect, { timeout: 10_000 }).toBe(true);
  await page.click('#rerender');
  await expect.poll(onSelect, { timeout: 10_000 }).toBe(true);
  expect(await select.getAttribute('id')).not.toBe('ember612');
  // Loaded once: the next resolve used it and did not ask again.
  expect(loads).toHaveLength(requests);
  await page.close();
});
