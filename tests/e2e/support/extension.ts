import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3');
const CHROMIUM = process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium';

/** Host names the fixture pages are served under, so the real catalogue rules are what is tested. */
export const FIXTURE_HOSTS = [
  'acme.zendesk.com',
  'acme.lightning.force.com',
  'acme.service-now.com',
  'www.zendesk.com',
  'intranet.example',
];

/**
 * Flags for every test and bench browser: fixture hosts resolve to 127.0.0.1, their throwaway
 * certificates are accepted, and Chromium stays off the network (this machine refuses background
 * networking).
 */
export const CHROMIUM_ARGS = [
  `--host-resolver-rules=${FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
  '--ignore-certificate-errors',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A message to the background from an extension page, exactly as the extension's pages send it. */
export async function callBackground<T>(page: Page, type: string, payload: object): Promise<T> {
  const reply = await page.evaluate(
    async ([t, p]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ waymark: 1, type: t, payload: p }),
    [type, payload] as const,
  );
  const r = reply as { ok: boolean; result: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded into a fresh persistent profile (extensions
 * need one). Fixture hosts resolve to 127.0.0.1; the flags that keep Chromium off the network
 * follow this machine's notes (background networking is refused here).
 */
export async function launchWithExtension(
  profileDir?: string,
  extensionDir = EXTENSION_DIR,
  /**
   * The browser's UI language (needs Debian's chromium-l10n). On Linux Chromium takes it from the
   * LANGUAGE environment variable (`--lang` alone is ignored there), and Playwright's `locale`
   * for its pages.
   */
  language?: string,
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`no built extension at ${extensionDir}: run npm run build`);
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'waymark-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
      ...(language === undefined ? [] : [`--lang=${language}`]),
    ],
    // Playwright emulates en-US in pages unless told the locale: a German browser's pages are German.
    ...(language === undefined
      ? {}
      : { env: { ...process.env, LANGUAGE: language }, locale: language }),
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      if (profileDir === undefined) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts recording the extension's isolated worlds created in `page` (one per injected content
 * script). Call before navigating; the returned array fills as Chromium reports contexts.
 */
export async function extensionWorlds(page: Page, extensionId: string): Promise<string[]> {
  const worlds: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${extensionId}`) worlds.push(context.name);
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

/** The few `chrome.*` calls the tests make inside the service worker (no @types/chrome here). */
interface WorkerChrome {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { getContexts(q: { contextTypes: string[] }): Promise<unknown[]> };
}

/**
 * The id of the tab whose page Waymark detected with this record id. Read from the background's
 * per-tab state in storage.session, so the test needs no "tabs" permission the product lacks.
 */
export async function tabIdShowing(browser: ExtensionBrowser, recordId: string): Promise<number> {
  const find = () =>
    browser.worker.evaluate(async (record) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      const all = await chrome.storage.session.get(null);
      const hit = Object.entries(all).find(
        ([key, value]) =>
          key.startsWith('tab:') && (value as { record?: { id?: string } }).record?.id === record,
      );
      return hit === undefined ? undefined : Number(hit[0].slice(4));
    }, recordId);
  // The launcher's count can arrive a moment before the background has stored the tab's page.
  let id = await find();
  for (let tries = 0; id === undefined && tries < 50; tries++) {
    await new Promise((done) => setTimeout(done, 100));
    id = await find();
  }
  if (id === undefined) throw new Error(`no tab shows record ${recordId}`);
  return id;
}

/** The side panel's page, pinned to a tab (`?tab=`), opened in a tab Playwright can drive. */
export async function openPanelFor(browser: ExtensionBrowser, tabId?: number): Promise<Page> {
  const page = await browser.context.newPage();
  // About the size Chrome gives a side panel.
  await page.setViewportSize({ width: 420, height: 860 });
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html${query}`);
  return page;
}

/** How many real side panels the browser has open (Chrome's runtime.getContexts). */
export async function openSidePanels(browser: ExtensionBrowser): Promise<number> {
  return browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
  });
}
