import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { callBackground, until } from '../support/firefox';
import { clickNode, clickRole, selectTab, typeInto } from '../support/firefox-actions';
import { inPageUi } from '../support/firefox-in-page';
import {
  clickLauncher,
  openPanelInTab,
  pageWithLauncher,
  sitesAndFirefox,
} from '../support/firefox-session';
import type { Box } from '../support/in-page';
import { URLS } from '../support/sites';

/**
 * The learner's loop in Firefox ESR with the Firefox build: detection, launcher and beacons on the
 * Zendesk fixture, the panel reached the way Firefox allows, search, and a lesson step's highlight.
 */
test.describe.configure({ mode: 'serial' });
const session = sitesAndFirefox();
const PRIORITY = '[data-test-id="ticket-form-field-priority"]';

let ticket: Page;
let panel: Page;
let tabId: number;

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await (await page.$(selector))?.boundingBox();
  if (box === undefined || box === null) throw new Error(`${selector} is not rendered`);
  return box;
}

test('the launcher counts the items for the Zendesk ticket and a beacon sits on the Priority field', async () => {
  const { firefox, server } = session;
  ticket = await pageWithLauncher(firefox, server.url(...URLS.zendesk));
  // The launcher starts at 0 and counts once the background has ranked the page.
  const ui = await until('a count above 0', async () => {
    const now = await inPageUi(firefox.bidi, ticket);
    return Number(now.launcher?.attrs['data-count']) > 0 ? now : undefined;
  });
  // Its description (aria-describedby) says where Waymark thinks the user is.
  expect(ui.launcher?.text).toContain('Zendesk Support · Ticket · ticket 123');
  await expect
    .poll(async () => {
      const [beacon, field] = [
        (await inPageUi(firefox.bidi, ticket)).beacons.find((b) => b.box)?.box,
        await boxOf(ticket, PRIORITY),
      ];
      // A beacon's centre sits on the field's top-right corner.
      return (
        beacon !== undefined &&
        Math.abs(beacon.x + beacon.width / 2 - (field.x + field.width)) < 4 &&
        Math.abs(beacon.y + beacon.height / 2 - field.y) < 4
      );
    })
    .toBe(true);
  const beacon = (await inPageUi(firefox.bidi, ticket)).beacons.find((b) => b.box)!;
  await clickNode(firefox.bidi, ticket, beacon);
  await expect
    .poll(async () => (await inPageUi(firefox.bidi, ticket)).card?.text)
    .toContain('The Priority field drives the SLA clock');
  await ticket.screenshot({ path: test.info().outputPath('firefox-tip-card.png') });
  await ticket.keyboard.press('Escape');
  await expect.poll(async () => (await inPageUi(firefox.bidi, ticket)).card).toBeUndefined();
});

test('the launcher says what to do when Firefox will not open the sidebar, and opens the panel in a tab', async () => {
  const note = await clickLauncher(session.firefox, ticket);
  expect(note).toContain('Firefox opens the Waymark sidebar only from its own controls');
  expect(note).toContain('press Alt + Shift + W');
  await ticket.screenshot({ path: test.info().outputPath('firefox-panel-note.png') });
  ({ panel, tabId } = await openPanelInTab(session.firefox, ticket));
  await expect
    .poll(() => panel.evaluate(() => document.body.innerText))
    .toContain('Zendesk Support · Ticket · ticket 123');
  // The launcher counts the page's strong matches ("For this page" → relevant).
  const items = await callBackground<{ relevant: { title: string }[] }>(panel, 'bg:page-items', {
    tabId,
  });
  expect(items.relevant.length).toBe(
    Number((await inPageUi(session.firefox.bidi, ticket)).launcher?.attrs['data-count']),
  );
  await panel.screenshot({ path: test.info().outputPath('firefox-panel.png') });
});

test('search in the panel finds articles despite typos', async () => {
  const { bidi } = session.firefox;
  await selectTab(bidi, panel, 'Search');
  await typeInto(bidi, panel, 'combobox', 'Search', 'merge duplicat tickts');
  await expect
    .poll(() =>
      panel.evaluate(() =>
        [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent),
      ),
    )
    .toEqual(expect.arrayContaining([expect.stringMatching(/merge/i)]));
  await panel.screenshot({ path: test.info().outputPath('firefox-search.png') });
});

test('a lesson step rings its element on the ticket', async () => {
  const { bidi } = session.firefox;
  await selectTab(bidi, panel, 'Learn');
  await clickRole(bidi, panel, 'button', 'Zendesk ticket basics');
  await clickRole(bidi, panel, 'button', 'Next');
  await clickRole(bidi, panel, 'button', 'Next');
  await clickRole(bidi, panel, 'button', 'Show me on the page');
  await expect
    .poll(async () => {
      const [ring, field] = [
        (await inPageUi(session.firefox.bidi, ticket)).highlight?.box,
        await boxOf(ticket, PRIORITY),
      ];
      // The ring is drawn 4 px outside the field.
      return (
        ring !== undefined &&
        Math.abs(ring.x + 4 - field.x) < 3 &&
        Math.abs(ring.width - 8 - field.width) < 3
      );
    })
    .toBe(true);
  await ticket.bringToFront();
  await ticket.screenshot({ path: test.info().outputPath('firefox-lesson-highlight.png') });
});
