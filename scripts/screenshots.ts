/**
 * `npm run screenshots`: the pictures in README and docs/screenshots/, taken from the built
 * extension in Debian's Chromium on the browser tests' pages (and a real content server for the
 * author's and the synced learner's views). Run `npm run build` first.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import { itemSchema } from '@/lib/content-model';
import { startServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore } from '@/server/store';
import {
  callBackground,
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
  type ExtensionBrowser,
} from '../tests/e2e/support/extension';
import { clickInCard, inPageUi, openTipCard } from '../tests/e2e/support/in-page';
import { answerCheck } from '../tests/e2e/support/lessons';
import { startSites, URLS } from '../tests/e2e/support/sites';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const ROOT = join(import.meta.dirname, '..');
mkdirSync(OUT, { recursive: true });

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(OUT, `${name}.png`), fullPage }).then(() => console.log(name));

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`screenshots: gave up waiting for ${what}`);
}

async function ticket(browser: ExtensionBrowser, url: readonly [string, string], record: string) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(sites.url(...url));
  await until(async () => (await inPageUi(page)).launcher?.attrs['data-room'] === 'ok', 'launcher');
  await until(async () => (await inPageUi(page)).beacons.some((b) => b.box), 'a beacon');
  return { page, tabId: await tabIdShowing(browser, record) };
}

/** The learner's side, from the starter pack. */
async function learner(browser: ExtensionBrowser): Promise<void> {
  const { page, tabId } = await ticket(browser, URLS.zendesk, '123');
  await shot(page, 'launcher-clear');
  await clickInCard(page, '⋯');
  await until(
    async () => (await inPageUi(page)).launcher?.text.includes('Snooze') ?? false,
    'menu',
  );
  await shot(page, 'launcher-menu');
  await page.keyboard.press('Escape');
  await openTipCard(page);
  await shot(page, 'tip-card');
  await clickInCard(page, 'Got it');
  await until(async () => (await inPageUi(page)).toast !== undefined, 'toast');
  await shot(page, 'tip-undo');

  const panel = await openPanelFor(browser, tabId);
  await panel.locator('.item-title').first().waitFor();
  await shot(panel, 'side-panel', true);
  await panel.getByRole('tab', { name: 'Search' }).click();
  await panel.getByRole('combobox', { name: 'Search' }).fill('dup');
  await panel.getByRole('option').first().waitFor();
  await shot(panel, 'search');
  await panel.getByRole('combobox', { name: 'Search' }).fill('zzqxv');
  await panel.getByRole('button', { name: 'Request content or ask an expert' }).click();
  await shot(panel, 'request-content');

  await page.click('[data-test-id="omnicomposer-rich-text-ckeditor"]');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await panel.getByRole('tab', { name: /For this page/ }).click();
  await panel
    .getByRole('button', { name: /Returns and exchanges policy/ })
    .first()
    .click();
  const snippet = panel.getByRole('figure').filter({ hasText: 'Reply snippet' });
  await snippet.getByRole('button', { name: 'Insert into reply' }).click();
  await snippet.getByText('Snippet inserted').waitFor();
  await snippet.scrollIntoViewIfNeeded();
  await shot(panel, 'insert-into-reply');
  await page.bringToFront();
  await shot(page, 'reply-inserted');
  await panel.getByRole('button', { name: '← Back' }).click();
  await panel.getByRole('region', { name: 'Tips you hid on this screen' }).scrollIntoViewIfNeeded();
  await shot(panel, 'hidden-tips');
  await lesson(page, panel);
  await panel.close();

  const sf = await ticket(browser, URLS.salesforce, '5003h00000AbCdEAAQ');
  await openTipCard(sf.page);
  await shot(sf.page, 'tip-card-salesforce');
  await browser.context.setOffline(true);
  const offline = await openPanelFor(browser, sf.tabId);
  await offline.getByText('You’re offline').waitFor();
  await shot(offline, 'offline');
  await browser.context.setOffline(false);
}

async function lesson(page: Page, panel: Page): Promise<void> {
  await panel.getByRole('tab', { name: 'Learn' }).click();
  await panel.getByRole('button', { name: 'Zendesk ticket basics' }).first().click();
  for (let i = 0; i < 2; i++) await panel.getByRole('button', { name: 'Next' }).click();
  await panel.getByRole('button', { name: 'Show me on the page' }).click();
  await until(async () => (await inPageUi(page)).callout !== undefined, 'callout');
  await page.bringToFront();
  await shot(page, 'lesson-highlight');
  while (await panel.getByRole('button', { name: 'Next' }).isVisible())
    await panel.getByRole('button', { name: 'Next' }).click();
  await panel.getByRole('button', { name: 'Check what you learned' }).click();
  await answerCheck(panel, 'zendesk-ticket-basics', (i) => i !== 0);
  await panel.getByRole('button', { name: 'Finish lesson' }).click();
  await panel.getByText('Not passed yet').waitFor();
  await shot(panel, 'lesson-not-passed');
  await panel.getByRole('button', { name: /^Retry/ }).click();
  await until(
    async () => (await panel.locator('fieldset.question [role=status]').count()) === 2,
    'the retry',
  );
  await answerCheck(panel, 'zendesk-ticket-basics', () => true);
  await panel.getByRole('button', { name: 'Finish lesson' }).click();
  await panel.getByText('Lesson complete').waitFor();
  await shot(panel, 'lesson-passed');
}

/** An author's and a synced learner's side, on a real content server. */
async function withServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-shots-'));
  const store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(ROOT, 'content'), loadContent);
  const token = (email: string, role: 'admin' | 'learner') =>
    store.addUser({
      email,
      role,
      team: role === 'learner' ? 'tier1' : undefined,
      rotate: false,
    });
  // An admin owns every item's queue: the broken tip below is theirs to re-pick.
  const tokens = {
    author: await token('ada.admin@example.com', 'admin'),
    learner: await token('lee@example.com', 'learner'),
  };
  const server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => undefined });
  const browser = await launchWithExtension();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await callBackground(options, 'bg:connect', { serverUrl: server.url, token: tokens.author });
    const { page, tabId } = await ticket(browser, URLS.zendesk, '123');
    // A learner's pages could not find this tip's element: it is in the owner's queue.
    await fetch(`${server.url}/v1/anchor-reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.learner}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [
          {
            id: 'zendesk-priority-drives-the-sla-clock',
            app: 'zendesk',
            screen: 'ticket',
            count: 12,
          },
        ],
      }),
    });
    const panel = await openPanelFor(browser, tabId);
    await panel.getByRole('tab', { name: 'Author' }).click();
    await panel.getByRole('button', { name: 'Tip on a field or button' }).click();
    await panel.getByRole('textbox', { name: 'Title', exact: true }).fill('Choose the type first');
    await shot(panel, 'author-editor');
    await panel.getByRole('group', { name: 'Who sees it, where' }).scrollIntoViewIfNeeded();
    await shot(panel, 'author-targeting');
    await panel.getByRole('button', { name: '← Author' }).click();
    await panel.getByRole('button', { name: 'Re-pick element' }).first().click();
    await panel.getByText('did not find this tip').waitFor();
    await shot(panel, 'author-repick');
    void page;

    // What's new: an article published after the learner's last look, then a sync.
    await callBackground(options, 'bg:whats-new', {});
    const fresh = itemSchema.parse({
      ...(await store.getItem('shipping-delays-faq')),
      id: 'carrier-strike-december',
      title: 'Carrier strike in December: what to tell customers',
      summary: 'Which parcels are late, for how long, and what we offer.',
      updated_at: new Date().toISOString(),
      version: 1,
    });
    await store.upsertItem(fresh, 'ada.admin@example.com');
    await callBackground(options, 'bg:sync-now', {});
    await panel.reload();
    await panel.getByRole('button', { name: /What.s new: 1/ }).click();
    await panel.getByText('Carrier strike').waitFor();
    await shot(panel, 'whats-new');
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sites = await startSites();
const browser = await launchWithExtension();
try {
  await learner(browser);
} finally {
  await browser.close();
}
try {
  await withServer();
} finally {
  await sites.close();
}
