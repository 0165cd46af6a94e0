import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import {
  signInThrough,
  startTestProvider,
  type TestProvider,
} from '@/server/identity/test-provider';
import { startServer, type RunningServer } from '@/server/main';
import { openStore, type Store } from '@/server/store';
import { CHROMIUM_ARGS } from './support/extension';

/**
 * The insights dashboard's "Sign in with Example SSO" in a real browser against a real provider
 * (oidc-provider). The provider is at 127.0.0.1 and the dashboard at localhost: two sites, so the
 * browser's SameSite rules are the ones a deployment meets — the flow cookie (Lax) must survive the
 * provider's cross-site redirect back, and the Strict session must be sent on the next page.
 */
const dir = mkdtempSync(join(tmpdir(), 'waymark-dashboard-sign-in-'));
let store: Store;
let server: RunningServer;
let provider: TestProvider;
let browser: Browser;
let origin: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  provider = await startTestProvider([`${origin}/insights/sign-in/callback`]);
  provider.accounts.set('bo', { email: 'bo@example.com', groups: ['Waymark Authors'] });
  // The store's clock is the real one: the provider stamps its tokens with it.
  store = await openStore(join(dir, 'waymark.db'));
  server = await startServer(store, {
    host: '127.0.0.1',
    port,
    log: () => undefined,
    identity: signInThrough(provider, {
      name: 'Example SSO',
      groups: { roles: { 'Waymark Authors': 'author' } },
    }),
  });
  browser = await chromium.launch({
    executablePath: process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an author signs in to the dashboard through the provider and lands on Gaps', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/insights/gaps`);
  await expect(page).toHaveURL(`${origin}/insights/sign-in`);
  await page.screenshot({ path: test.info().outputPath('sign-in-page.png') });
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await page.locator('input[name=login]').fill('bo');
  await page.locator('input[name=password]').fill('any');
  await page.screenshot({ path: test.info().outputPath('provider-login.png') });
  await page.getByRole('button', { name: /Sign-in/i }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${origin}/insights/gaps`, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gaps');
  await expect(page.getByText('bo@example.com')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('dashboard-signed-in.png'),
    fullPage: true,
  });
  const cookies = await page.context().cookies(origin);
  expect(cookies.find((c) => c.name === 'waymark_insights')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });
  // The flow's cookie is gone once used.
  expect(cookies.find((c) => c.name === 'waymark_sign_in_flow')).toBeUndefined();
  expect((await store.listUsers()).map((u) => [u.email, u.role])).toEqual([
    ['bo@example.com', 'author'],
  ]);
});
