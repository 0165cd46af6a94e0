import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { ConnectResult } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import {
  callBackground,
  CHROMIUM_ARGS,
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
} from './support/extension';
import type { FixtureServer } from './support/fixture-server';
import { inPageUi } from './support/in-page';
import { answerCheck } from './support/lessons';
import { unpackedExtensionId, writeExtensionPolicy } from './support/managed-policy';
import { startSites, URLS } from './support/sites';

/**
 * Insights end to end: five people, each in their own browser profile with the extension, on one
 * real server over a real SQLite file, search for words nothing answers, open the first item on a
 * Zendesk ticket and find it helpful, and take a lesson answering two questions wrong (then, below
 * the pass mark, retrying those two). The
 * organisation's managed policy allows learning records. Then an author signs in to the web
 * dashboard, which shows exactly those numbers; "Create content" on the gap makes a draft that a
 * reviewer publishes, and the gap shows as addressed.
 */
const PEOPLE = 5;
const FAILED_WORDS = 'zorblat frobnicate';
/** The README's screenshots are rewritten only on request (WAYMARK_UPDATE_SCREENSHOTS=1). */
const shot = (name: string) =>
  process.env.WAYMARK_UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots', name)
    : test.info().outputPath(name);

test.use({ actionTimeout: 30_000 });

const dir = mkdtempSync(join(tmpdir(), 'waymark-insights-dashboard-'));
let sites: FixtureServer;
let server: RunningServer;
let store: Store;
const tokens: Record<string, string> = {};
let removePolicy = () => {};

test.beforeAll(async () => {
  removePolicy = writeExtensionPolicy({ analytics: 'learning' }, 'waymark-e2e-insights');
  sites = await startSites();
  store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  for (let n = 1; n <= PEOPLE; n++)
    tokens[`p${n}`] = await store.addUser({
      email: `p${n}@example.com`,
      role: 'learner',
      team: 'tier1',
      rotate: false,
    });
  for (const role of ['author', 'reviewer'] as const)
    tokens[role] = await store.addUser({
      email: `${role}@example.com`,
      role,
      team: undefined,
      rotate: false,
    });
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
});

test.afterAll(async () => {
  removePolicy();
  await server?.close();
  await sites?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api<T>(method: string, path: string, token: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : '{}',
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One person's working session in their own profile; resolves once the server has it all. */
async function workAsPerson(n: number): Promise<string> {
  const browser = await launchWithExtension();
  try {
    expect(browser.extensionId, 'the managed policy names this extension').toBe(
      unpackedExtensionId(),
    );
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const connected = await callBackground<ConnectResult>(options, 'bg:connect', {
      serverUrl: server.url,
      token: tokens[`p${n}`]!,
    });
    expect(connected.ok).toBe(true);
    const ticket = await browser.context.newPage();
    await ticket.goto(sites.url(...URLS.zendesk));
    await expect
      .poll(async () => (await inPageUi(ticket)).launcher?.attrs['data-count'], { timeout: 15_000 })
      .toMatch(/^\d+$/);
    const panel = await openPanelFor(browser, await tabIdShowing(browser, '123'));

    // The first item the page suggests: opened, found helpful.
    await panel.locator('.items .item').first().click();
    const title = (await panel.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await panel.getByRole('button', { name: 'Yes' }).click();
    await expect(
      panel.getByRole('group', { name: 'Was this helpful?' }).getByRole('status'),
    ).toHaveText('Thanks — noted.');
    await panel.getByRole('button', { name: '← Back' }).click();

    // A search nothing answers; its session ends after 10 s of quiet.
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('combobox', { name: 'Search' }).fill(FAILED_WORDS);
    await expect(panel.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible();

    // The lesson: the first choice of every question (right, wrong, wrong).
    await panel.getByRole('tab', { name: 'Learn' }).click();
    await panel.getByRole('button', { name: 'Zendesk ticket basics' }).first().click();
    const step = panel.getByRole('heading', { level: 2 });
    const next = panel.getByRole('button', { name: 'Next' });
    await expect(step).toContainText('Step 1 of');
    while (await next.isVisible()) {
      const before = (await step.textContent()) ?? '';
      await next.click();
      // The next step is on screen before "Next" is looked for again.
      await expect(step).not.toHaveText(before);
    }
    await panel.getByRole('button', { name: 'Check what you learned' }).click();
    for (const question of await panel.locator('fieldset.question').all()) {
      await question.locator('input').first().check();
      await question.getByRole('button', { name: 'Check answer' }).click();
      await expect(question.getByRole('status')).toContainText(/Right\.|Not quite\./);
    }
    await panel.getByRole('button', { name: 'Finish lesson' }).click();
    // Two of three wrong is below the pass mark: the learner retries those two and gets them right.
    await expect(panel.getByRole('status').filter({ hasText: 'Not passed yet' })).toBeVisible();
    await panel.getByRole('button', { name: 'Retry the 2 wrong answers' }).click();
    // The right answer stays; the two wrong ones are open again.
    await expect(panel.locator('fieldset.question').getByRole('status')).toHaveCount(1);
    await answerCheck(panel, 'zendesk-ticket-basics', () => true);
    await panel.getByRole('button', { name: 'Finish lesson' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();

    // Delivered: the server holds this person's failed search and completed lesson.
    await expect
      .poll(
        async () => {
          await callBackground(options, 'bg:sync-now', {});
          const gaps = await api<{ totals: { failed: number } }>(
            'GET',
            '/v1/insights/gaps',
            tokens.author!,
          );
          const learning = await api<{ lessons: { lesson: string; completed: number }[] }>(
            'GET',
            '/v1/insights/learning',
            tokens.author!,
          );
          const lesson = learning.lessons.find((l) => l.lesson === 'zendesk-ticket-basics');
          return [gaps.totals.failed, lesson?.completed ?? 0];
        },
        { timeout: 45_000, intervals: [2_000] },
      )
      .toEqual([n, n]);
    return title;
  } finally {
    await browser.close();
  }
}

async function signIn(browser: Browser): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await page.goto(`${server.url}/insights`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByLabel('Your Waymark token').fill(tokens.author!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gaps');
  const cookies = await page.context().cookies();
  expect(cookies).toEqual([
    expect.objectContaining({ name: 'waymark_insights', httpOnly: true, sameSite: 'Strict' }),
  ]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  return page;
}

async function axeClean(page: Page, view: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    view,
  ).toEqual([]);
}

test('five people search, open, vote and learn; the dashboard shows exactly that, and a gap closes through Create content', async () => {
  test.setTimeout(PEOPLE * 120_000 + 120_000);
  const titles: string[] = [];
  for (let n = 1; n <= PEOPLE; n++) titles.push(await workAsPerson(n));
  const opened = titles[0]!;
  expect(new Set(titles)).toEqual(new Set([opened]));

  const browser = await chromium.launch({
    executablePath: process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await signIn(browser);
    const gap = page.locator('tr[data-gap="zendesk/ticket"]');
    await expect(gap).toContainText(`${PEOPLE} of ${PEOPLE}`);
    await expect(gap).toContainText(`“${FAILED_WORDS}” ${PEOPLE}× by ${PEOPLE} people`);
    await expect(gap.locator('.badge')).toHaveText('open');
    await axeClean(page, 'gaps');
    await page.screenshot({ path: shot('insights-gaps.png'), fullPage: true });

    await page.getByRole('link', { name: 'Content' }).click();
    const row = page
      .getByRole('table', { name: /Items used in the period/ })
      .getByRole('row', { name: new RegExp(opened) });
    // item, title, type, owner, shown, opened, opened from page, click-through, reads, helpful, not helpful
    await expect(row.getByRole('cell').nth(5)).toHaveText(String(PEOPLE));
    await expect(row.getByRole('cell').nth(6)).toHaveText(String(PEOPLE));
    await expect(row.getByRole('cell').nth(9)).toHaveText(String(PEOPLE));
    await expect(row.getByRole('cell').nth(10)).toHaveText('0');
    await axeClean(page, 'content');
    await page.screenshot({ path: shot('insights-content.png'), fullPage: true });

    await page.getByRole('link', { name: 'Learning' }).click();
    const lessons = page.getByRole('table', { name: /^Lessons/ });
    await expect(lessons.getByRole('row', { name: /zendesk-ticket-basics/ })).toContainText(
      `${PEOPLE}${PEOPLE}100 %`,
    );
    const choices = page.getByRole('table', { name: /distractors/ });
    await expect(choices.getByRole('row', { name: /status-waiting-warehouse open/ })).toContainText(
      `${PEOPLE}no`,
    );
    await expect(choices.getByRole('row', { name: /fields-that-route group/ })).toContainText(
      `${PEOPLE}no`,
    );
    await expect(
      choices.getByRole('row', { name: /who-sees-internal-notes agents-only/ }),
    ).toContainText(`${PEOPLE}yes`);
    await axeClean(page, 'learning');
    await page.screenshot({ path: shot('insights-learning.png'), fullPage: true });

    for (const [link, file] of [
      ['Guidance health', 'guidance'],
      ['Teams', 'teams'],
      ['Impact', 'impact'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(link);
      await axeClean(page, file);
      if (file === 'teams')
        await expect(
          page.getByRole('table', { name: /^Teams/ }).getByRole('row', { name: /tier1/ }),
        ).toContainText(`tier1${PEOPLE}`);
      await page.screenshot({ path: shot(`insights-${file}.png`), fullPage: true });
    }
    // Create content: one click makes the draft; the governance flow publishes it.
    await page.getByRole('link', { name: 'Gaps' }).click();
    await gap.getByRole('button', { name: 'Create content' }).click();
    await expect(page.getByRole('status')).toContainText('Draft “zorblat-frobnicate” created');
    await expect(gap).toContainText('zorblat-frobnicate (not published yet)');
    await api('POST', '/v1/items/zorblat-frobnicate/submit', tokens.author!);
    await api('POST', '/v1/items/zorblat-frobnicate/approve', tokens.reviewer!);
    await page.reload();
    await expect(gap.locator('.badge')).toHaveText('addressed');
    await expect(gap).toContainText('zorblat-frobnicate published');
    await expect(gap).toContainText('Gap closed? Published');
  } finally {
    await browser.close();
  }
  await authorPanel(opened);
});

/** The author's side panel on the same ticket: Insights for this screen. */
async function authorPanel(opened: string) {
  const browser = await launchWithExtension();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await callBackground(options, 'bg:connect', { serverUrl: server.url, token: tokens.author! });
    const ticket = await browser.context.newPage();
    await ticket.goto(sites.url(...URLS.zendesk));
    await expect
      .poll(async () => (await inPageUi(ticket)).launcher?.attrs['data-count'], { timeout: 15_000 })
      .toMatch(/^\d+$/);
    const panel = await openPanelFor(browser, await tabIdShowing(browser, '123'));
    await panel.getByRole('tab', { name: 'Author' }).click();
    await panel.getByRole('button', { name: 'Insights for this screen' }).click();
    const here = panel.getByRole('region', { name: 'Insights for this screen' });
    await expect(
      here.getByRole('table', { name: 'Failed searches on this screen' }).getByRole('row', {
        name: `${FAILED_WORDS} ${PEOPLE} ${PEOPLE}`,
      }),
    ).toBeVisible({ timeout: 15_000 });
    await expect(
      here.getByRole('table', { name: 'Top items on this screen' }).getByRole('row', {
        name: new RegExp(`^${opened} ${PEOPLE}`),
      }),
    ).toContainText('100 %');
    await panel.screenshot({ path: shot('insights-panel.png'), fullPage: true });
  } finally {
    await browser.close();
  }
}
