import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { AccountView, ConnectResult } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import { callBackground } from './support/extension';
import { inPageUi, openTipCard } from './support/in-page';
import { sitesAndExtension } from './support/session';
import { URLS } from './support/sites';

/**
 * The real content server (Hono + SQLite file) in this process, the built extension in Chromium:
 * connect, sync, change an item on the server, "Sync now", see the change on the page; then kill
 * the service worker in the middle of a long sync and see it finish with nothing lost or doubled.
 */
const session = sitesAndExtension();
const dir = mkdtempSync(join(tmpdir(), 'waymark-sync-e2e-'));
let store: Store;
let server: RunningServer;
let token: string;
const requests: string[] = [];

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  token = await store.addUser({
    email: 'learner@example.com',
    role: 'learner',
    team: 'tier1',
    rotate: false,
  });
  // Request log lines are kept for a failure report instead of filling the test output.
  server = await startServer(store, {
    host: '127.0.0.1',
    port: 0,
    log: (line) => requests.push(line),
  });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = callBackground;

/** Items in the extension's IndexedDB, read directly from an extension page (same origin). */
function storedItems(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const count = open.result.transaction('items').objectStore('items').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}

async function options(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  return page;
}

test('connects, syncs, and shows an item changed on the server after "Sync now"', async () => {
  const page = await options();
  const refused = await call<ConnectResult>(page, 'bg:connect', {
    serverUrl: server.url,
    token: 'wmk_wrong',
  });
  expect(refused).toMatchObject({
    ok: false,
    message: 'Your sign-in token was rejected — sign in again',
  });
  const unreachable = await call<ConnectResult>(page, 'bg:connect', {
    serverUrl: 'http://127.0.0.1:9',
    token,
  });
  expect(unreachable.message).toBe(
    'The server could not be reached — check the address and your connection',
  );
  const connected = await call<ConnectResult>(page, 'bg:connect', { serverUrl: server.url, token });
  expect(connected).toMatchObject({
    ok: true,
    message: 'Connected as learner@example.com (learner, team tier1)',
  });
  expect(connected.account.sync.lastSyncAt).toBeDefined();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Account' })).toContainText(
    'Signed in as learner@example.com — role learner, team tier1.',
  );
  await page.screenshot({ path: test.info().outputPath('options-signed-in.png') });
  // The background sync interval is a setting: the alarm follows it.
  await page.getByLabel('Sync every').selectOption('60');
  await expect
    .poll(() =>
      session.browser.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } };
        };
        return (await chrome.alarms.get('waymark-sync'))?.periodInMinutes;
      }),
    )
    .toBe(60);

  const ticket = await session.browser.context.newPage();
  await ticket.goto(session.server.url(...URLS.zendesk));
  await expect
    .poll(async () => (await inPageUi(ticket)).beacons.length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const tip = (await store.getItem('zendesk-priority-drives-the-sla-clock'))!;
  await store.upsertItem(
    { ...tip, title: 'Priority sets the SLA targets (updated)', version: tip.version + 1 },
    'admin@example.com',
  );

  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('region', { name: 'Account' })).toContainText('Last synced');
  await ticket.reload();
  await expect
    .poll(async () => (await inPageUi(ticket)).beacons.length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(await openTipCard(ticket)).toContain('Priority sets the SLA targets (updated)');
});

test('a service worker killed mid-sync finishes the sync with nothing lost or duplicated', async () => {
  const page = await options();
  const before = (await call<AccountView>(page, 'bg:account', {})).sync.items;
  const base = (await store.getItem('sla-breach-what-to-do'))!;
  const added = 2500;
  for (let i = 0; i < added; i++) {
    await store.upsertItem(
      {
        ...base,
        id: `bulk-article-${i}`,
        title: `Bulk article ${i}`,
        version: 1,
        targeting: { apps: [], screens: [], roles: [], teams: [] },
      },
      'admin@example.com',
    );
  }
  const cdp = await session.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  void call(page, 'bg:sync-now', {}).catch(() => undefined);
  // Kill the worker as soon as the first pages have landed in IndexedDB, long before the last.
  await expect
    .poll(() => storedItems(page), { intervals: [20], timeout: 30_000 })
    .toBeGreaterThan(before);
  await cdp.send('ServiceWorker.stopAllWorkers');
  const atKill = await storedItems(page);
  expect(atKill).toBeLessThan(before + added);
  // Any message wakes the worker again; its start-up sync resumes from the stored cursor.
  await expect
    .poll(
      async () =>
        (await call<AccountView>(page, 'bg:account', {}).catch(() => undefined))?.sync.items,
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(before + added);
  await call(page, 'bg:sync-now', {});
  expect((await call<AccountView>(page, 'bg:account', {})).sync.items).toBe(before + added);
  const results = await call<{ id: string }[]>(page, 'bg:search', {
    query: 'Bulk article 2499',
    limit: 5,
  });
  expect(results[0]?.id).toBe('bulk-article-2499');
});
