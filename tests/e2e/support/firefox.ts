import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIXTURE_HOSTS } from './extension';

/**
 * Debian's Firefox ESR with the built add-on, driven by puppeteer-core over WebDriver BiDi (the
 * only driver that works with a stock Firefox: Playwright needs its own patched build, and
 * geckodriver is not packaged). What BiDi allows and refuses shapes these helpers:
 * - it will not navigate to `moz-extension://…`, so the add-on opens its own pages (the product's
 *   "Open in a tab", or `tabs.create` from a page it already opened) and tests find them by URL;
 * - puppeteer hears no navigation events from those pages, so their URL is read with `evaluate`;
 * - the in-page UI's closed shadow root is read through BiDi's serialisation
 *   (`includeShadowTree: 'all'`, firefox-in-page.ts).
 */
export const FIREFOX_EXTENSION_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '.output',
  'firefox-mv3',
);
const FIREFOX = process.env.WAYMARK_FIREFOX ?? '/usr/bin/firefox-esr';
/** The add-on's id in wxt.config.ts (GECKO_ID). */
export const GECKO_ID = 'waymark@waymark.invalid';
/** A fixed internal UUID (pref `extensions.webextensions.uuids`) gives the add-on a known origin. */
export const EXTENSION_ORIGIN = 'moz-extension://5d0c2a4e-7b1f-4c3a-9e6d-2f8b1a7c4e90';

/** The raw BiDi connection puppeteer holds (not in its public types; used for what it lacks). */
export interface Bidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export interface FirefoxWithExtension {
  browser: Browser;
  bidi: Bidi;
  close(): Promise<void>;
}

/**
 * Firefox ESR, headless, with the add-on installed (a temporary add-on, as about:debugging loads
 * it). Fixture hosts resolve to 127.0.0.1 and their throwaway certificates are accepted. `home`
 * becomes $HOME, where Firefox looks for managed-storage manifests (~/.mozilla/managed-storage).
 */
export async function launchFirefox(
  options: { home?: string; extensionDir?: string } = {},
): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`no Firefox build at ${extensionDir}: run npm run build:firefox`);
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'waymark-firefox-home-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: {
      'network.dns.localDomains': FIXTURE_HOSTS.join(','),
      // Optional permissions asked for from a user's click are granted without Firefox's prompt,
      // which a headless browser cannot answer (the request itself still needs the click).
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({
        [GECKO_ID]: EXTENSION_ORIGIN.slice('moz-extension://'.length),
      }),
    },
  });
  await browser.installExtension(extensionDir);
  const bidi = (browser as unknown as { connection: Bidi }).connection;
  return {
    browser,
    bidi,
    close: async () => {
      await browser.close();
      if (options.home === undefined) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The BiDi browsing context of a page (puppeteer's frame id; not in its public types). */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Polls `check` every 100 ms until it returns something other than undefined. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: Error | undefined;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** The tab whose document is at `url` (an add-on page: found by asking each page where it is). */
export function pageAt(browser: Browser, url: string): Promise<Page> {
  return until(`a tab at ${url}`, async () => {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
    return undefined;
  });
}

/**
 * Opens an add-on page in a new tab from an add-on page already open (`tabs.create` is theirs to
 * call; BiDi may not navigate there) and waits until it has rendered.
 */
export async function openExtensionPage(from: Page, path: string): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}${path}`;
  await from.evaluate(async (u) => {
    await (
      globalThis as unknown as {
        browser: { tabs: { create(o: { url: string }): Promise<unknown> } };
      }
    ).browser.tabs.create({ url: u });
  }, url);
  const page = await pageAt(from.browser(), url);
  await rendered(page);
  return page;
}

/**
 * Waits until an add-on page's React root has rendered. puppeteer's own waits (`waitForSelector`,
 * locators) run in a sandbox realm BiDi does not give add-on pages, so this polls `evaluate`.
 */
export async function rendered(page: Page): Promise<void> {
  await until('the page to render', async () =>
    (await page.evaluate(() => (document.getElementById('root')?.childElementCount ?? 0) > 0))
      ? true
      : undefined,
  );
}

/** A message to the background from an add-on page, exactly as the add-on's pages send it. */
export async function callBackground<T>(page: Page, type: string, payload: object): Promise<T> {
  const reply = await page.evaluate(
    async (t, p) =>
      (
        globalThis as unknown as {
          browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).browser.runtime.sendMessage({ waymark: 1, type: t, payload: p }),
    type,
    payload,
  );
  const r = reply as { ok: boolean; result: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.result;
}
