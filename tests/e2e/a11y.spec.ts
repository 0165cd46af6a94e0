import { expect, test, type Page } from '@playwright/test';
import { violations } from './support/axe';
import { buildAuditExtension, AUDIT_EXTENSION } from './support/audit-build';
import { toContentScript } from './support/clearance';
import { tabIdShowing } from './support/extension';
import { inPageUi, openTipCard } from './support/in-page';
import { answerCheck } from './support/lessons';
import { sitesAndExtension, ticketWithPanel } from './support/session';

/**
 * axe-core on every extension page and state, and on the in-page UI (support/axe.ts: WCAG 2.2 A
 * and AA, plus `page-has-heading-one`).
 */
test.describe('the shipped build', () => {
  const session = sitesAndExtension();

  test('side panel: For this page, search results, an article, a lesson with its check, Learn', async () => {
    // Ten axe passes over a React page: generous on a loaded 2-core machine (not a speed check).
    test.setTimeout(240_000);
    const { page, panel } = await ticketWithPanel(session);
    await expect(panel.locator('.items .item').first()).toBeVisible();
    expect(await violations(panel)).toEqual([]);

    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('combobox').fill('refund');
    await expect(panel.locator('.items .item').first()).toBeVisible();
    expect(await violations(panel)).toEqual([]);

    await panel.locator('.items .item').first().click();
    await expect(panel.locator('.markdown').first()).toBeVisible();
    expect(await violations(panel)).toEqual([]);
    await panel.keyboard.press('Escape');

    await panel.getByRole('tab', { name: 'Learn' }).click();
    await expect(
      panel.getByRole('button', { name: 'Zendesk ticket basics' }).first(),
    ).toBeVisible();
    expect(await violations(panel)).toEqual([]);
    await panel.getByRole('button', { name: 'Zendesk ticket basics' }).first().click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Zendesk ticket basics');
    while (await panel.getByRole('button', { name: 'Next' }).isVisible())
      await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByRole('button', { name: 'Check what you learned' }).click();
    await expect(panel.getByText(/^Pass mark/)).toBeVisible();
    // An answer given while the step's progress write is still being read back can be dropped
    // (seen on the loaded machine; noted for the lessons' owner): answer again until each shows.
    await expect(() => answerCheck(panel, 'zendesk-ticket-basics', (i) => i !== 0)).toPass({
      timeout: 30_000,
    });
    expect(await violations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });

  test('options and popup', async () => {
    for (const name of ['options', 'popup']) {
      const page = await session.browser.context.newPage();
      await page.goto(`chrome-extension://${session.browser.extensionId}/${name}.html`);
      await expect(page.locator('.brand')).toBeVisible();
      await expect(page.getByText(/Loading/)).toHaveCount(0);
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
  });

  test('keeps the in-page UI’s shadow root closed to the page', async () => {
    const { page, panel } = await ticketWithPanel(session);
    await panel.close();
    expect((await inPageUi(page)).present).toBe(true);
    expect(await page.evaluate(() => document.querySelector('waymark-root')?.shadowRoot)).toBe(
      null,
    );
    await page.close();
  });
});

test.describe('the audit build (in-page shadow root open for axe)', () => {
  const session = sitesAndExtension(AUDIT_EXTENSION, buildAuditExtension);
  /** The Zendesk ticket once its beacons are on screen (the panel is not needed). */
  const ticketWithBeacons = async (): Promise<Page> => {
    const { page, panel } = await ticketWithPanel(session);
    await panel.close();
    await expect
      .poll(async () => (await inPageUi(page)).beacons.filter((b) => b.box).length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    return page;
  };

  test('the launcher, a beacon and an open tip card have no violations', async () => {
    const page = await ticketWithBeacons();
    expect(await violations(page, 'waymark-root')).toEqual([]);
    await openTipCard(page);
    expect(await violations(page, 'waymark-root')).toEqual([]);
    await page.close();
  });

  test('a tip card opened from the keyboard takes focus, shows it, and Esc gives it back to its beacon', async () => {
    const page = await ticketWithBeacons();
    const tabId = await tabIdShowing(session.browser, '123');
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('waymark-root')?.shadowRoot?.activeElement;
        if (!el) return undefined;
        const style = getComputedStyle(el);
        return { cls: el.className, outline: style.outlineStyle, width: style.outlineWidth };
      });
    expect(await toContentScript(session.browser, tabId, 'cs:focus-next')).toEqual({
      focused: 'launcher',
    });
    expect((await focused())?.cls).toBe('open');
    await toContentScript(session.browser, tabId, 'cs:focus-next');
    await expect.poll(async () => (await inPageUi(page)).card).toBeDefined();
    // Focus is inside the card (its close button), with a visible focus ring.
    const inCard = await focused();
    expect(inCard?.cls).toContain('close');
    expect(inCard?.outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await inPageUi(page)).card).toBeUndefined();
    expect((await focused())?.cls).toContain('beacon');
    await page.close();
  });
});
