import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AUDIT_EXTENSION, buildAuditExtension } from './support/audit-build';
import { violations } from './support/axe';
import { clippedOrOutside, overlapping } from './support/catalogue';
import { toContentScript } from './support/clearance';
import { tabIdShowing } from './support/extension';
import { clickInCard, inPageUi, openTipCard } from './support/in-page';
import { starterLesson } from './support/lessons';
import { sitesAndExtension, ticketWithPanel } from './support/session';

/**
 * What the reader asked their system for, honoured: reduced motion (nothing moves by itself),
 * forced colours (Windows high contrast: edges and system colours instead of backgrounds and
 * shadows), and the side panel at 200 % zoom (still usable: nothing cut off, outside the panel or
 * on top of another control).
 */
const READABLE =
  'h1, h2, h3, label, button, summary, p, li, [role="tablist"], [role="tab"], [role="combobox"]';

/** The colour a system colour keyword resolves to in this page (forced colours decide it). */
const systemColour = (page: Page, keyword: string) =>
  page.evaluate((name) => {
    const probe = document.createElement('div');
    probe.style.color = name;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, keyword);

test.describe('the side panel', () => {
  const session = sitesAndExtension();

  test('reduced motion stops any animation or transition a page rule would start', async () => {
    const { page, panel } = await ticketWithPanel(session);
    // A rule that moves something, as a later change might add: it runs until motion is reduced.
    await panel.addStyleTag({
      content:
        '.panel-footer { animation: wobble 1s infinite; } @keyframes wobble { to { opacity: 0.5 } }',
    });
    await expect.poll(() => panel.evaluate(() => document.getAnimations().length)).toBe(1);
    await panel.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => panel.evaluate(() => document.getAnimations().length)).toBe(0);
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('combobox').fill('refund');
    await panel.locator('.items .item').first().click();
    await expect(panel.locator('.markdown').first()).toBeVisible();
    expect(await panel.evaluate(() => document.getAnimations().length)).toBe(0);
    await panel.close();
    await page.close();
  });

  test('forced colours: the selected tab is marked in the system highlight colour; axe finds nothing', async () => {
    const { page, panel } = await ticketWithPanel(session);
    await panel.emulateMedia({ forcedColors: 'active' });
    await expect(panel.locator('.items .item').first()).toBeVisible();
    const highlight = await systemColour(panel, 'Highlight');
    const underline = (name: string) =>
      panel.getByRole('tab', { name }).evaluate((tab) => getComputedStyle(tab).borderBottomColor);
    expect(await underline('Search')).not.toBe(highlight);
    await panel.getByRole('tab', { name: 'Search' }).click();
    expect(await underline('Search')).toBe(highlight);
    expect(await underline('Learn')).not.toBe(highlight);
    await panel.getByRole('combobox').fill('refund');
    await expect(panel.locator('.items .item').first()).toBeVisible();
    expect(await violations(panel)).toEqual([]);
    await panel.screenshot({ path: test.info().outputPath('panel-forced-colours.png') });
    await panel.close();
    await page.close();
  });

  test('at 200 % zoom the tabs, search, results and an article fit the panel, whole and apart', async () => {
    const { page, panel } = await ticketWithPanel(session);
    // Chrome's 200 % zoom of a 420 px side panel: 210 CSS pixels wide, each drawn twice as big.
    const cdp = await panel.context().newCDPSession(panel);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 210,
      height: 430,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await expect.poll(() => panel.evaluate(() => window.innerWidth)).toBe(210);
    const fits = async (shot: string) => {
      expect(
        await panel.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(await clippedOrOutside(panel, READABLE)).toEqual([]);
      const controls = await panel
        .locator('[role="tab"], header button, [role="combobox"]')
        .evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            const box = { x: r.x, y: r.y, width: r.width, height: r.height };
            return { name: el.textContent?.trim() || el.getAttribute('aria-label') || '', box };
          }),
        );
      expect(controls.length).toBeGreaterThanOrEqual(4);
      expect(overlapping(controls)).toEqual([]);
      // What the reader sees, at twice the pixels (Playwright's own screenshot resets the zoom).
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(test.info().outputPath(shot), Buffer.from(data, 'base64'));
    };
    await expect(panel.locator('.items .item').first()).toBeVisible();
    await fits('panel-200-for-this-page.png');
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('combobox').fill('refund');
    await expect(panel.locator('.items .item').first()).toBeVisible();
    await fits('panel-200-search.png');
    await panel.locator('.items .item').first().click();
    await expect(panel.locator('.markdown').first()).toBeVisible();
    await fits('panel-200-article.png');
    await cdp.detach();
    await panel.close();
    await page.close();
  });
});

test.describe('the in-page UI (audit build: its shadow root open, to read its styles)', () => {
  const session = sitesAndExtension(AUDIT_EXTENSION, buildAuditExtension);

  /** The ticket with its beacon on screen, read through the open shadow root. */
  const ticket = async (media: Parameters<Page['emulateMedia']>[0]): Promise<Page> => {
    const { page, panel } = await ticketWithPanel(session);
    await panel.close();
    await page.emulateMedia(media);
    await expect
      .poll(async () => (await inPageUi(page)).beacons.filter((b) => b.box).length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    return page;
  };
  const running = (page: Page) =>
    page.evaluate(
      () =>
        document
          .querySelector('waymark-root')!
          .shadowRoot!.getAnimations()
          .filter((a) => a.playState === 'running').length,
    );
  /** A lesson step's ring on the ticket's Priority field (the background's own message). */
  const highlightPriority = async (page: Page) => {
    const step = starterLesson('zendesk-ticket-basics').steps.find((s) => s.anchor)!;
    const tabId = await tabIdShowing(session.browser, '123');
    expect(await toContentScript(session.browser, tabId, 'cs:highlight', step)).toEqual({
      found: true,
    });
    await expect.poll(async () => (await inPageUi(page)).highlight).toBeDefined();
  };

  test('reduced motion: the beacon’s pulse stops, and the card, ring and note add no motion', async () => {
    const moving = await ticket({ reducedMotion: 'no-preference' });
    expect(await running(moving)).toBeGreaterThan(0);
    await moving.close();

    const still = await ticket({ reducedMotion: 'reduce' });
    expect(await running(still)).toBe(0);
    await openTipCard(still);
    await highlightPriority(still);
    expect(await running(still)).toBe(0);
    await still.keyboard.press('Escape');
    await openTipCard(still);
    await clickInCard(still, 'Got it');
    await expect.poll(async () => (await inPageUi(still)).toast).toBeDefined();
    expect(await running(still)).toBe(0);
    await clickInCard(still, 'Undo');
    await expect.poll(async () => (await inPageUi(still)).beacons.length).toBeGreaterThan(0);
    await still.close();
  });

  test('forced colours: launcher, count, beacon, card, ring, callout and note keep an edge in system colours', async () => {
    const parts = ['.launcher', '.launcher .count', '.beacon', '.card', '.highlight', '.callout'];
    const edges = (page: Page, selectors: string[]) =>
      page.evaluate((list) => {
        const root = document.querySelector('waymark-root')!.shadowRoot!;
        return list.map((selector) => {
          const el = root.querySelector(selector);
          if (el === null) return `${selector}: missing`;
          const style = getComputedStyle(el);
          const edge = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1;
          return `${selector}: ${edge ? 'edge' : 'no edge'}`;
        });
      }, selectors);

    const plain = await ticket({ forcedColors: 'none' });
    // Without forced colours the launcher is a filled pill with no border: the edge is theirs.
    expect(await edges(plain, ['.launcher'])).toEqual(['.launcher: no edge']);
    await plain.close();

    const page = await ticket({ forcedColors: 'active' });
    await openTipCard(page);
    await highlightPriority(page);
    expect(await edges(page, parts)).toEqual(parts.map((p) => `${p}: edge`));
    const highlight = await systemColour(page, 'Highlight');
    const colours = await page.evaluate(() => {
      const root = document.querySelector('waymark-root')!.shadowRoot!;
      const of = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return { beacon: of('.beacon').backgroundColor, ring: of('.highlight').borderTopColor };
    });
    expect(colours).toEqual({ beacon: highlight, ring: highlight });
    await page.screenshot({ path: test.info().outputPath('in-page-forced-colours.png') });
    await page.keyboard.press('Escape');
    await openTipCard(page);
    await clickInCard(page, 'Got it');
    await expect.poll(async () => (await inPageUi(page)).toast).toBeDefined();
    expect(await edges(page, ['.toast'])).toEqual(['.toast: edge']);
    await page.screenshot({ path: test.info().outputPath('in-page-forced-colours-toast.png') });
    await clickInCard(page, 'Undo');
    await expect.poll(async () => (await inPageUi(page)).beacons.length).toBeGreaterThan(0);
    await page.close();
  });
});
