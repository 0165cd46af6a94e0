import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { ConnectResult } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore } from '@/server/store';
import { callBackground, openPanelFor, tabIdShowing } from './support/extension';
import { inPageUi, openTipCard } from './support/in-page';
import { sitesAndExtension } from './support/session';

/**
 * Insights in the real extension: a learner connected to the real content server works a ticket
 * whose page carries canary text (subject and URL), opens a tip, an item and searches for
 * something that does not exist. The outbox holds the typed events — the failed search's words
 * scrubbed — and not one trace of the canary; "What Waymark sends" shows the request as sent.
 */
const session = sitesAndExtension();
const dir = mkdtempSync(join(tmpdir(), 'waymark-insights-e2e-'));
let server: RunningServer;
let token: string;
const CANARY = 'CANARY-5f1e2d3c';

test.beforeAll(async () => {
  const store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  token = await store.addUser({
    email: 'agent@example.com',
    role: 'learner',
    team: 'tier1',
    rotate: false,
  });
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  seq: number;
  event: { type: string; [field: string]: unknown };
}

/** The outbox, read straight from the extension's IndexedDB (an extension page, same origin). */
function outbox(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => {
            resolve(all.result as Row[]);
            open.result.close();
          };
        };
      }),
  );
}

test('records typed events from the page and the panel, with no page content, and shows what it sends', async () => {
  // A search session ends after 10 s of quiet: this test waits for one.
  test.setTimeout(120_000);
  const { browser } = session;
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const connected = await callBackground<ConnectResult>(options, 'bg:connect', {
    serverUrl: server.url,
    token,
  });
  expect(connected.ok).toBe(true);

  // The host page carries the canary in its subject and its URL.
  const ticket = await browser.context.newPage();
  const page = readFileSync(join(import.meta.dirname, 'pages', 'zendesk-ticket.html'), 'utf8');
  await ticket.route('**/agent/tickets/4711**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: page.replaceAll('order 4411', `order ${CANARY}`),
    }),
  );
  await ticket.goto(session.server.url('acme.zendesk.com', `/agent/tickets/4711?from=${CANARY}`));
  await expect
    .poll(async () => (await inPageUi(ticket)).beacons.length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  await openTipCard(ticket);

  const panel = await openPanelFor(browser, await tabIdShowing(browser, '4711'));
  const first = panel.locator('.items .item').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await first.click();
  await expect(panel.locator('.reader, .lesson, .paths').first()).toBeVisible();
  await panel.getByRole('button', { name: '← Back' }).click();
  await panel.getByRole('tab', { name: 'Search' }).click();
  await panel.getByRole('combobox', { name: 'Search' }).fill('zzqxv wqkpt 4711 jzz@qqxq.qqzz');
  await expect(panel.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible();

  // The session ends after 10 s without activity: its event is the signal to wait for.
  await expect
    .poll(async () => (await outbox(panel)).some((r) => r.event.type === 'search'), {
      timeout: 30_000,
    })
    .toBe(true);
  // A search that finds and opens: no words kept. Then "Was this helpful?" with a reason.
  await panel.getByRole('combobox', { name: 'Search' }).fill('returns and exchanges policy');
  await panel.getByRole('option').first().click();
  await panel
    .getByRole('group', { name: 'Was this helpful?' })
    .getByRole('button', { name: 'No' })
    .click();
  await panel
    .getByRole('group', { name: 'What was wrong?' })
    .getByRole('button', { name: 'Out of date' })
    .click();
  await expect(panel.getByRole('button', { name: 'Out of date' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await panel.screenshot({ path: test.info().outputPath('panel-feedback-reason.png') });
  await expect
    .poll(async () =>
      (await outbox(panel)).filter((r) => r.event.type === 'feedback').map((r) => r.event),
    )
    .toEqual([expect.objectContaining({ helpful: false, reason: 'outdated' })]);
  const rows = await outbox(panel);
  const events = rows.map((r) => r.event);
  expect(events).toContainEqual(
    expect.objectContaining({
      type: 'search',
      results: '0',
      ended: 'idle',
      query: 'zzqxv wqkpt #',
    }),
  );
  const opened = events.find((e) => e.type === 'search' && e.ended === 'open');
  expect(opened).toMatchObject({ opened: 1 });
  expect(opened).not.toHaveProperty('query');
  expect(events).toContainEqual(
    expect.objectContaining({
      type: 'suggestion_opened',
      source: 'page',
      rank: 1,
      app: 'zendesk',
      screen: 'ticket',
    }),
  );
  expect(events).toContainEqual(
    expect.objectContaining({ type: 'suggestion_opened', source: 'tip', app: 'zendesk' }),
  );
  expect(events).toContainEqual(
    expect.objectContaining({ type: 'tip_shown', app: 'zendesk', screen: 'ticket' }),
  );
  expect(events).toContainEqual(
    expect.objectContaining({ type: 'suggestion_shown', app: 'zendesk', screen: 'ticket' }),
  );
  expect(events).toContainEqual(
    expect.objectContaining({ type: 'record_view', app: 'zendesk', screen: 'ticket', help: true }),
  );
  const stored = JSON.stringify(rows);
  expect(stored.toLowerCase()).not.toContain('canary');
  expect(stored).not.toContain('4711');
  expect(stored).not.toContain('zendesk.com');

  // "Sync now" sends the events to the server, and the options page says what it took, showing
  // the request exactly as it went out.
  await options.reload();
  await options.getByRole('button', { name: 'Sync now' }).click();
  const sends = options.getByRole('region', { name: 'What Waymark sends' });
  await expect
    .poll(
      async () => {
        await options.reload();
        return sends.getByText('Last request').count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await expect(sends).toContainText(/— \d+ accepted, 0 already there, 0 rejected/);
  await sends.getByText('Last request').click();
  await expect(sends.locator('.sent-body')).toContainText('"query": "zzqxv wqkpt #"');
  await expect(sends.locator('.sent-body')).toContainText('"install":');
  await expect(sends).toContainText('Anonymous usage (the default).');
  await options.screenshot({
    path: test.info().outputPath('options-what-waymark-sends.png'),
    fullPage: true,
  });
  await Promise.all([options.close(), ticket.close(), panel.close()]);
});
