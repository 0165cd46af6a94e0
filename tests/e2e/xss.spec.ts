import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
  type ExtensionBrowser,
} from './support/extension';
import type { FixtureServer } from './support/fixture-server';
import { clickInCard, inPageUi, openTipCard } from './support/in-page';
import { startSites, URLS } from './support/sites';
import { buildXssExtension, payloads, XSS_EXTENSION } from './support/xss-build';

/**
 * Every payload of the shared XSS corpus, in article bodies, tips and a lesson, rendered in the side
 * panel and the in-page card, with script execution watched from the outside: alert/confirm/
 * prompt, fetch, XHR, sendBeacon, window.open, navigations and CSP violations.
 */
let server: FixtureServer;
let browser: ExtensionBrowser;

const SNIFFER = () => {
  const w = window as unknown as { __xss: string[] };
  w.__xss = [];
  const note = (what: string) => () => {
    w.__xss.push(what);
    return undefined;
  };
  window.alert = note('alert');
  window.confirm = note('confirm') as unknown as typeof window.confirm;
  window.prompt = note('prompt') as unknown as typeof window.prompt;
  window.open = note('window.open') as unknown as typeof window.open;
  const realFetch = window.fetch.bind(window);
  window.fetch = (...args: Parameters<typeof fetch>) => {
    const url = args[0] instanceof Request ? args[0].url : String(args[0]);
    if (!url.startsWith('chrome-extension:')) w.__xss.push(`fetch ${url}`);
    return realFetch(...args);
  };
  navigator.sendBeacon = note('sendBeacon') as unknown as typeof navigator.sendBeacon;
  // Any XHR at all from rendered content is a failure: the extension pages never use XHR.
  XMLHttpRequest.prototype.send = function () {
    w.__xss.push('xhr');
  };
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__xss.push(`csp ${e.violatedDirective} ${e.blockedURI}`),
  );
};

async function executed(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __xss?: string[] }).__xss ?? ['sniffer missing'],
  );
}

function watchNavigations(context: BrowserContext, page: Page): string[] {
  const events: string[] = [];
  page.on(
    'framenavigated',
    (frame) => frame !== page.mainFrame() && events.push(`frame ${frame.url()}`),
  );
  context.on('page', (p) => events.push(`new page ${p.url()}`));
  return events;
}

/** Nothing that could run script or leave the page survives in the rendered Markdown. */
async function unsafeNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll('.markdown *, .question *, .lesson *')) {
      if (
        /^(script|iframe|object|embed|img|svg|math|form|input:not\(\[type=radio\]\)|style|link|meta|base|frame)$/i.test(
          el.tagName,
        )
      )
        bad.push(el.tagName);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc')
          bad.push(`${el.tagName}[${a.name}]`);
        if (
          (a.name === 'href' ||
            a.name === 'src' ||
            a.name === 'action' ||
            a.name === 'xlink:href') &&
          !/^(?:https?:|mailto:|#)/i.test(a.value.trim())
        )
          bad.push(`${el.tagName}[${a.name}=${a.value.slice(0, 30)}]`);
      }
    }
    return bad;
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  buildXssExtension();
  server = await startSites();
  browser = await launchWithExtension(undefined, XSS_EXTENSION);
  await browser.context.addInitScript(SNIFFER);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('every payload renders inert in the side panel: articles and a lesson', async () => {
  test.setTimeout(180_000);
  const page = await browser.context.newPage();
  await page.goto(server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).launcher?.attrs['data-count'], { timeout: 15_000 })
    .toMatch(/^\d+$/);
  const panel = await openPanelFor(browser, await tabIdShowing(browser, '123'));
  const navigations = watchNavigations(browser.context, panel);
  await expect(panel.locator('.items .item-title').first()).toBeVisible();
  const titles = await panel.locator('.items .item-title').allInnerTexts();
  const articles = titles.filter((t) => t.startsWith('XSS article'));
  expect(articles.length).toBeGreaterThan(3);
  expect(titles).toContain('XSS lesson');
  for (const title of [...articles, 'XSS lesson']) {
    await panel.getByRole('button', { name: title, exact: false }).first().click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(title);
    if (title === 'XSS lesson') {
      while (await panel.getByRole('button', { name: 'Next' }).isVisible()) {
        expect(await unsafeNodes(panel)).toEqual([]);
        await panel.getByRole('button', { name: 'Next' }).click();
      }
      await panel.getByRole('button', { name: 'Check what you learned' }).click();
      for (const question of (await panel.locator('fieldset.question').all()).slice(0, 10)) {
        await question.locator('input').first().check();
        await question.getByRole('button', { name: 'Check answer' }).click();
      }
      await expect(panel.locator('.feedback').first()).toBeVisible();
    }
    expect(await unsafeNodes(panel), title).toEqual([]);
    await panel.getByRole('button', { name: '← Back' }).click();
  }
  await panel.screenshot({ path: test.info().outputPath('xss-panel.png') });
  expect(await executed(panel)).toEqual([]);
  expect(navigations).toEqual([]);
  expect(payloads.length).toBe(223);
});

test('every payload renders inert in the in-page tip card', async () => {
  test.setTimeout(180_000);
  const page = await browser.context.newPage();
  const navigations = watchNavigations(browser.context, page);
  await page.goto(server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(page)).beacons.length, { timeout: 15_000 })
    .toBeGreaterThan(5);
  let seen = 0;
  const nextBeacon = async () => {
    // After a dismissal the remaining beacons are placed again on the next frame: wait for one.
    await expect
      .poll(async () => {
        const { beacons } = await inPageUi(page);
        return beacons.length === 0 || beacons.some((b) => b.box !== undefined);
      })
      .toBe(true);
    return (await inPageUi(page)).beacons.find((b) => b.box !== undefined);
  };
  for (let beacon = await nextBeacon(); beacon !== undefined; beacon = await nextBeacon()) {
    expect(await openTipCard(page)).toMatch(/XSS tip \d+/);
    seen += 1;
    await clickInCard(page, 'Got it');
    await expect.poll(async () => (await inPageUi(page)).card).toBeUndefined();
  }
  expect(seen).toBeGreaterThan(5);
  expect(await executed(page)).toEqual([]);
  expect(navigations).toEqual([]);
});
