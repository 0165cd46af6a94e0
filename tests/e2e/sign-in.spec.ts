import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  signInThrough,
  startTestProvider,
  type TestProvider,
} from '@/server/identity/test-provider';
import { startServer, type RunningServer } from '@/server/main';
import { openStore, type Store } from '@/server/store';
import { launchWithExtension, type ExtensionBrowser } from './support/extension';

/**
 * The extension signs in through a real OpenID provider (oidc-provider on 127.0.0.1): the options
 * page offers "Sign in with Example SSO", the browser's auth window shows the provider's login
 * page, and the background ends up with a token the server accepts, for the team the groups map to.
 */
const dir = mkdtempSync(join(tmpdir(), 'waymark-sign-in-e2e-'));
let store: Store;
let server: RunningServer;
let browser: ExtensionBrowser;
let provider: TestProvider;

test.beforeAll(async () => {
  browser = await launchWithExtension();
  provider = await startTestProvider([`https://${browser.extensionId}.chromiumapp.org/`], {
    corsOrigins: [`chrome-extension://${browser.extensionId}`],
  });
  provider.accounts.set('ana', { email: 'ana@example.com', groups: ['Support Tier 1'] });
  // The store's clock is the real one: the provider stamps its tokens with it.
  store = await openStore(join(dir, 'waymark.db'));
  server = await startServer(store, {
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
    identity: signInThrough(provider, {
      name: 'Example SSO',
      groups: { teams: { 'Support Tier 1': 'tier1' } },
    }),
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('signs in through the provider from the options page; no token reaches the page', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Headless Chromium cannot answer the host-permission prompt: this page grants it itself.
  await page.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { permissions: { request: (p: unknown, done?: (ok: boolean) => void) => unknown } };
    };
    chrome.permissions.request = (_p, done) => (done?.(true), Promise.resolve(true));
  });
  await page.getByLabel('Content server').fill(server.url);
  const signIn = page.getByRole('button', { name: 'Sign in with Example SSO' });
  await expect(signIn).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('sign-in-offered.png') });

  const popup = browser.context.waitForEvent('page');
  await signIn.click();
  const login = await popup;
  await login.locator('input[name=login]').fill('ana');
  await login.locator('input[name=password]').fill('any');
  await login.screenshot({ path: test.info().outputPath('provider-login.png') });
  await login.getByRole('button', { name: /Sign-in/i }).click();
  await login.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByText('Signed in as ana@example.com')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Account', exact: true })).toContainText(
    'team tier1',
  );
  await page.screenshot({ path: test.info().outputPath('signed-in.png') });
  // The page never held a token: its storage and DOM carry none.
  const leaked = await page.evaluate(
    () =>
      document.documentElement.outerHTML.includes('eyJ') ||
      JSON.stringify(localStorage).includes('eyJ'),
  );
  expect(leaked).toBe(false);
  expect((await store.listUsers()).map((u) => [u.email, u.team])).toEqual([
    ['ana@example.com', 'tier1'],
  ]);
});
