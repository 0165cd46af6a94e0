import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { ConnectResult } from '@/lib/messages';
import { createApp } from '@/server/app';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import {
  callBackground,
  EXTENSION_DIR,
  launchWithExtension,
  openPanelFor,
  openSidePanels,
  type ExtensionBrowser,
} from './support/extension';
import { clickInCard, inPageUi } from './support/in-page';
import { sitesAndExtension } from './support/session';
import { URLS } from './support/sites';
import { selfSignedCertificate } from './support/tls';
import { violations } from './support/axe';

/**
 * The built extension as it is once the user granted the content server's origin: connecting asks
 * for it in Chrome's own prompt, which a test cannot answer, so this copy of the build lists the
 * server's host in `host_permissions` (the same `key`, so the same extension id). Nothing else
 * differs from the shipped build.
 */
function buildWithServerGranted(host: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'waymark-granted-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    manifestPath,
    JSON.stringify({ ...manifest, host_permissions: [`https://${host}/*`] }),
  );
  return copy;
}

/**
 * The real content server over HTTPS and the built extension in Chromium: a shared link's page
 * relays "Open in the Waymark side panel" to the panel; an announcement reaches its audience once
 * and its acknowledgement is counted. The server is https://intranet.example:<port> (the
 * test browser resolves it to 127.0.0.1).
 */
const SERVER_HOST = 'intranet.example';
const granted = buildWithServerGranted(SERVER_HOST);
const session = sitesAndExtension(granted);
const dir = mkdtempSync(join(tmpdir(), 'waymark-share-e2e-'));
const ARTICLE = 'customer-cannot-sign-in';
const NEWS = 'refund-approvals-change';
let store: Store;
let server: ServerType;
let serverUrl: string;
let app: ReturnType<typeof createApp>;
const tokens = { tier1: '', tier2: '', author: '' };

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  // Between dates far from any day the suite runs on: the extension reads the real clock.
  await store.upsertItem(
    {
      type: 'announcement',
      id: NEWS,
      title: 'Refunds above 200 EUR need a second approver',
      body: 'From today a **team lead** approves every refund above 200 EUR.',
      owner: 'author@example.com',
      status: 'published',
      verify_by: '2999-01-01',
      updated_at: '2026-06-01',
      version: 1,
      starts_at: '2020-01-01',
      ends_at: '2999-12-31',
      acknowledge: true,
      targeting: { apps: [], screens: [], roles: [], teams: ['tier1'] },
    },
    'ops@example.com',
  );
  const add = (email: string, role: 'learner' | 'author', team?: string) =>
    store.addUser({ email, role, team, rotate: false });
  tokens.tier1 = await add('ana@example.com', 'learner', 'tier1');
  tokens.tier2 = await add('bo@example.com', 'learner', 'tier2');
  tokens.author = await add('author@example.com', 'author');
  app = createApp(store, { log: false, sessionKey: 's'.repeat(40) });
  server = await new Promise<ServerType>((listening) => {
    const running = serve(
      {
        fetch: app.fetch,
        hostname: '127.0.0.1',
        port: 0,
        createServer,
        serverOptions: selfSignedCertificate(),
      },
      () => listening(running),
    );
  });
  serverUrl = `https://${SERVER_HOST}:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(browser: ExtensionBrowser, token: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const result = await callBackground<ConnectResult>(page, 'bg:connect', {
    serverUrl,
    token,
    previous: 'discard',
  });
  expect(result.message).toMatch(/^Connected as /);
  return page;
}

test('a shared link’s page opens the item in the side panel', async () => {
  await connect(session.browser, tokens.tier1);
  const panel = await openPanelFor(session.browser);
  const page = await session.browser.context.newPage();
  await page.goto(`${serverUrl}/i/${ARTICLE}`);
  // Without a session the server's page says how to read it; the extension's box shows itself.
  await expect(page.getByRole('heading', { name: 'Open this item with Waymark' })).toBeVisible();
  const open = page.getByRole('button', { name: 'Open in the Waymark side panel' });
  await expect(open).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('shared-link-page.png') });
  expect(await violations(page)).toEqual([]);
  expect(await openSidePanels(session.browser)).toBe(0);
  await open.click();
  await expect.poll(() => openSidePanels(session.browser), { timeout: 10_000 }).toBe(1);
  // The panel shows the item the link names.
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(
    "Customer can't sign in to their Northwind account",
    { timeout: 10_000 },
  );
  await panel.screenshot({ path: test.info().outputPath('shared-link-panel.png') });
  // "Copy link" gives the same server link.
  await panel.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy link' }).click();
  expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(
    `${serverUrl}/i/${ARTICLE}`,
  );
  await page.close();
  await panel.close();
});

test('an announcement reaches its audience once and its acknowledgement is counted', async () => {
  const panel = await openPanelFor(session.browser);
  const inPanel = panel.getByRole('region', { name: 'Announcements' });
  await expect(inPanel).toContainText('Refunds above 200 EUR need a second approver');
  await panel.screenshot({ path: test.info().outputPath('announcement-panel.png') });
  expect(await violations(panel)).toEqual([]);

  const ticket = await session.browser.context.newPage();
  await ticket.goto(session.server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(ticket)).announcement?.text ?? '', { timeout: 15_000 })
    .toContain('Refunds above 200 EUR need a second approver');
  await ticket.screenshot({ path: test.info().outputPath('announcement-launcher.png') });
  await clickInCard(ticket, 'I have read this');
  await expect.poll(async () => (await store.acknowledgements(NEWS)).length).toBe(1);
  expect((await store.acknowledgements(NEWS))[0]?.email).toBe('ana@example.com');

  // Not a second time: after a reload the launcher is back (a positive signal), the card is not.
  await ticket.reload();
  await expect
    .poll(async () => (await inPageUi(ticket)).launcher?.attrs['data-count'], { timeout: 15_000 })
    .toMatch(/^\d+$/);
  expect((await inPageUi(ticket)).announcement).toBeUndefined();
  await panel.reload();
  await expect(panel.getByRole('tab', { name: /For this page/ })).toBeVisible();
  await expect(inPanel).toHaveCount(0);

  // The author sees one of its audience of one (team tier1) acknowledged, in the Author tab.
  await connect(session.browser, tokens.author);
  const authoring = await openPanelFor(session.browser);
  await authoring.getByRole('tab', { name: 'Author' }).click();
  await authoring
    .getByRole('button', { name: 'Refunds above 200 EUR need a second approver' })
    .click();
  await expect(authoring.getByRole('region', { name: 'Acknowledgements' })).toContainText(
    '1 of 1 people in its audience acknowledged it',
  );
  await authoring.screenshot({ path: test.info().outputPath('announcement-author.png') });
  expect(await violations(authoring)).toEqual([]);
  const count = await app.request(`/v1/items/${NEWS}/acknowledgements`, {
    headers: { Authorization: `Bearer ${tokens.author}` },
  });
  expect(await count.json()).toMatchObject({ audience: 1, acknowledged: 1 });
});

test('someone outside the announcement’s audience never sees it', async () => {
  const other = await launchWithExtension(undefined, granted);
  try {
    await connect(other, tokens.tier2);
    const ticket = await other.context.newPage();
    await ticket.goto(session.server.url(...URLS.zendesk));
    await expect
      .poll(async () => (await inPageUi(ticket)).launcher?.attrs['data-count'], {
        timeout: 15_000,
      })
      .toMatch(/^\d+$/);
    expect((await inPageUi(ticket)).announcement).toBeUndefined();
    const panel = await openPanelFor(other);
    await expect(panel.getByRole('tab', { name: /For this page/ })).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Announcements' })).toHaveCount(0);
  } finally {
    await other.close();
  }
});
