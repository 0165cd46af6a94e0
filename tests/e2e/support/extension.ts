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
export async function launchWithExtension(profileDir?: string): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no built extension at ${EXTENSION_DIR}: run npm run build`);
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'waymark-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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
 * Text inside the page's `waymark-launcher` element, read through the DevTools protocol, which
 * sees into closed shadow roots (the page itself cannot). Empty string when there is no launcher.
 */
export async function launcherText(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    interface Node {
      nodeName: string;
      nodeValue?: string;
      children?: Node[];
      shadowRoots?: Node[];
    }
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: Node;
    };
    const text = (node: Node): string =>
      [
        node.nodeName === '#text' ? (node.nodeValue ?? '') : '',
        ...(node.shadowRoots ?? []).map(text),
        ...(node.children ?? []).filter((c) => c.nodeName !== 'STYLE').map(text),
      ].join(' ');
    const find = (node: Node): Node | undefined =>
      node.nodeName === 'WAYMARK-LAUNCHER'
        ? node
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const launcher = find(root);
    return launcher === undefined ? undefined : text(launcher).replace(/\s+/g, ' ').trim();
  } finally {
    await cdp.detach();
  }
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
