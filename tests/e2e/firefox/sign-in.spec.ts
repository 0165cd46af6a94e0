import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import {
  signInThrough,
  startTestProvider,
  type TestProvider,
} from '@/server/identity/test-provider';
import { startServer, type RunningServer } from '@/server/main';
import { openStore, type Store } from '@/server/store';
import { EXTENSION_ORIGIN, openExtensionPage, until } from '../support/firefox';
import { clickRole, textOfRole, typeInto } from '../support/firefox-actions';
import { panelFor, pageWithLauncher, sitesAndFirefox } from '../support/firefox-session';
import { URLS } from '../support/sites';

/**
 * Sign-in through a real OpenID provider (oidc-provider on 127.0.0.1) in Firefox ESR: the options
 * page offers "Sign in with Example SSO", Firefox's identity API opens the provider's login page in
 * its own window, and the background ends up with a token the server accepts, for the team the
 * provider's groups map to. Firefox's redirect URL is its own (`*.extensions.allizom.org`), read
 * from the add-on, and the token request comes from the add-on's moz-extension:// origin.
 */
test.describe.configure({ mode: 'serial' });
const session = sitesAndFirefox();
const dir = mkdtempSync(join(tmpdir(), 'waymark-firefox-sign-in-'));
let store: Store;
let server: RunningServer;
let provider: TestProvider;
let options: Page;

test.beforeAll(async () => {
  const { firefox } = session;
  const ticket = await pageWithLauncher(firefox, session.server.url(...URLS.zendesk));
  const { panel } = await panelFor(firefox, ticket);
  options = await openExtensionPage(panel, '/options.html');
  const redirect = await options.evaluate(() => browser.identity.getRedirectURL());
  provider = await startTestProvider([redirect], { corsOrigins: [EXTENSION_ORIGIN] });
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
  await server?.close();
  await provider?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('signs in through the provider from the options page in Firefox; no token reaches the page', async () => {
  const { bidi, browser } = session.firefox;
  await typeInto(bidi, options, 'textbox', 'Content server', server.url);
  const before = new Set(await browser.pages());
  await clickRole(bidi, options, 'button', 'Sign in with Example SSO');

  // Firefox's auth window: a new top-level page at the provider's login form.
  const login = await until(
    "the provider's login page",
    async () => {
      for (const page of await browser.pages()) {
        if (before.has(page)) continue;
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(provider.issuer)) return page;
      }
      return undefined;
    },
    30_000,
  );
  await until('the login form', async () => (await login.$('input[name=login]')) ?? undefined);
  await login.type('input[name=login]', 'ana');
  await login.type('input[name=password]', 'any');
  await login.screenshot({ path: test.info().outputPath('firefox-provider-login.png') });
  await (await login.$('button[type=submit]'))!.click();
  const consent = await until('the consent page', async () => {
    const button = await login.$('button[autofocus], button[type=submit]').catch(() => null);
    const text = await button?.evaluate((b) => b.textContent ?? '').catch(() => '');
    return button && text?.includes('Continue') ? button : undefined;
  });
  await consent.click();

  await expect
    .poll(() => textOfRole(bidi, options, 'region', 'Account'), { timeout: 30_000 })
    .toContain('Signed in as ana@example.com');
  expect(await textOfRole(bidi, options, 'region', 'Account')).toContain('team tier1');
  await options.screenshot({ path: test.info().outputPath('firefox-signed-in.png') });
  // The page never held a token: its storage and DOM carry none.
  const leaked = await options.evaluate(
    () =>
      document.documentElement.outerHTML.includes('eyJ') ||
      JSON.stringify(localStorage).includes('eyJ'),
  );
  expect(leaked).toBe(false);
  expect((await store.listUsers()).map((u) => [u.email, u.team])).toEqual([
    ['ana@example.com', 'tier1'],
  ]);
});
