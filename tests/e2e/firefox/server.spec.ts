import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { loadContent } from '@/lib/content-files';
import type { AccountView } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import { callBackground, openExtensionPage, rendered, until } from '../support/firefox';
import {
  byRole,
  clickNode,
  clickRole,
  selectTab,
  textOfRole,
  typeInto,
} from '../support/firefox-actions';
import { inPageUi } from '../support/firefox-in-page';
import { pageWithLauncher, panelFor, sitesAndFirefox } from '../support/firefox-session';
import { URLS } from '../support/sites';

/**
 * The real content server (Hono + SQLite file) in this process and the Firefox build in Firefox
 * ESR: an author connects and syncs, sees an item changed on the server after "Sync now", then
 * picks an element on the ticket with the element picker and submits the tip for review.
 */
test.describe.configure({ mode: 'serial' });
const session = sitesAndFirefox();
const dir = mkdtempSync(join(tmpdir(), 'waymark-firefox-server-'));
const TYPE_SELECT = '[data-test-id="ticket-form-field-type"]';
let store: Store;
let server: RunningServer;
let token: string;
let ticket: Page;
let options: Page;

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(import.meta.dirname, '..', '..', '..', 'content'), loadContent);
  token = await store.addUser({
    email: 'ana.author@example.com',
    role: 'author',
    team: undefined,
    rotate: false,
  });
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const titleOfOpenTip = async (page: Page): Promise<string | undefined> => {
  const { bidi } = session.firefox;
  const beacon = (await inPageUi(bidi, page)).beacons.find((b) => b.box);
  if (beacon === undefined) return undefined;
  await clickNode(bidi, page, beacon);
  return (await inPageUi(bidi, page)).card?.text;
};

test('connects to the content server, syncs, and shows an item changed there after "Sync now"', async () => {
  const { firefox } = session;
  ticket = await pageWithLauncher(firefox, session.server.url(...URLS.zendesk));
  const { panel } = await panelFor(firefox, ticket);
  options = await openExtensionPage(panel, '/options.html');
  // The options form, as a user fills it: Firefox grants the server's origin from the click.
  await typeInto(firefox.bidi, options, 'textbox', 'Content server', server.url);
  await typeInto(firefox.bidi, options, undefined, 'Sign-in token', token);
  await clickRole(firefox.bidi, options, 'button', 'Test connection and save');
  await expect
    .poll(() => textOfRole(firefox.bidi, options, 'status'), { timeout: 15_000 })
    .toContain('Connected as ana.author@example.com (author)');
  expect(
    await options.evaluate(
      (origin) => browser.permissions.contains({ origins: [origin] }),
      `${server.url}/*`,
    ),
  ).toBe(true);
  await expect
    .poll(() => textOfRole(firefox.bidi, options, 'region', 'Account'))
    .toContain('Signed in as ana.author@example.com — role author.');
  await options.screenshot({ path: test.info().outputPath('firefox-options-signed-in.png') });

  const tip = (await store.getItem('zendesk-priority-drives-the-sla-clock'))!;
  await store.upsertItem(
    {
      ...tip,
      title: 'Priority sets the SLA targets (changed on the server)',
      version: tip.version + 1,
    },
    'admin@example.com',
  );
  await clickRole(firefox.bidi, options, 'button', 'Sync now');
  await expect
    .poll(() => textOfRole(firefox.bidi, options, 'region', 'Account'))
    .toContain('Last synced');
  await ticket.reload();
  await expect
    .poll(() => titleOfOpenTip(ticket), { timeout: 15_000 })
    .toContain('Priority sets the SLA targets (changed on the server)');
  await ticket.keyboard.press('Escape');
});

test('an author picks the Type field with the element picker and submits the tip for review', async () => {
  const { firefox } = session;
  const { bidi } = firefox;
  const { panel } = await panelFor(firefox, ticket);
  await selectTab(bidi, panel, 'Author');
  await clickRole(bidi, panel, 'button', 'Tip on a field or button');
  const title = 'Set the type before the first reply';
  await typeInto(bidi, panel, 'textbox', 'Title', title);
  await typeInto(
    bidi,
    panel,
    'textbox',
    'Tip text (Markdown)',
    'An *Incident* links to its problem.',
  );

  await ticket.evaluate(() => {
    const w = window as unknown as { pageClicks: number };
    w.pageClicks = 0;
    document.addEventListener('click', () => (w.pageClicks += 1));
  });
  await clickRole(bidi, panel, 'button', 'Pick element on the page');
  await expect.poll(() => textOfRole(bidi, panel, 'status')).toContain('On the page: hover');
  const field = await (await ticket.$(TYPE_SELECT))!.boundingBox();
  if (field === null) throw new Error('no Type field on the fixture');
  await ticket.mouse.move(field.x + 10, field.y + field.height / 2);
  await ticket.screenshot({ path: test.info().outputPath('firefox-picker-hover.png') });
  await ticket.mouse.click(field.x + 10, field.y + field.height / 2);
  await expect
    .poll(() => textOfRole(bidi, panel, 'status'))
    .toContain('Waymark finds this element again');
  expect(
    await ticket.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks),
  ).toBe(0);
  await panel.screenshot({ path: test.info().outputPath('firefox-author-editor.png') });

  await clickRole(bidi, panel, 'button', 'Submit for review');
  await expect.poll(() => textOfRole(bidi, panel, 'status')).toContain('Submitted for review');
  expect(await store.getItem('set-the-type-before-the-first-reply')).toMatchObject({
    status: 'in_review',
    owner: 'ana.author@example.com',
    title,
  });
});

test('an app the admin adds on the server runs only on the hosts the user allows for it', async () => {
  const { firefox } = session;
  await store.upsertApp({
    id: 'acme-helpdesk',
    name: 'Acme Helpdesk',
    hosts: ['intranet.example'],
    screens: [{ id: 'home', name: 'Home', match: { path: '^/' } }],
  });
  await callBackground(options, 'bg:sync-now', {});
  const before = await callBackground<AccountView>(options, 'bg:account', {});
  expect(before.pendingApps).toEqual([
    { id: 'acme-helpdesk', name: 'Acme Helpdesk', origins: ['https://intranet.example/*'] },
  ]);
  await options.bringToFront();
  await options.evaluate(() => location.reload());
  await rendered(options);
  const allow = await until('the options page to offer the app', async () =>
    (await byRole(firefox.bidi, options, 'button', 'Allow on Acme Helpdesk')).at(0),
  );
  await options.screenshot({ path: test.info().outputPath('firefox-options-server-app.png') });
  await clickNode(firefox.bidi, options, allow);
  await expect
    .poll(async () => (await callBackground<AccountView>(options, 'bg:account', {})).pendingApps)
    .toEqual([]);
  const intranet = await pageWithLauncher(firefox, session.server.url('intranet.example', '/'));
  expect((await inPageUi(firefox.bidi, intranet)).launcher?.attrs.title).toBe(
    'Acme Helpdesk · Home',
  );
});
