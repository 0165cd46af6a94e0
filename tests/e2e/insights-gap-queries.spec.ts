import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser } from '@playwright/test';
import type { InsightEvent } from '@/lib/insights';
import { EventIngest } from '@/server/insights/ingest';
import { failedSearch, installOf, learner } from '@/server/insights/test-support';
import { startServer, type RunningServer } from '@/server/main';
import { openStore, type Store } from '@/server/store';
import { CHROMIUM_ARGS } from './support/extension';

/**
 * A gap with more queries past the k rule than a person reads: the dashboard lists its 10 most
 * searched and "and N more", whose link downloads every one of them (and nothing under the rule).
 * The server on a real SQLite file, events through the real ingestion, Debian's Chromium.
 */
const DAY = '2026-06-10';
const WORDS = [
  'refund policy',
  'merge tickets',
  'vpn access',
  'reset password',
  'sla breach',
  'macro missing',
  'escalate to tier two',
  'invoice copy',
  'change address',
  'warranty claim',
  'shipping delay',
  'tax exemption',
  'contract renewal',
  'discount code',
];

/** The README's screenshot is rewritten only on request (WAYMARK_UPDATE_SCREENSHOTS=1). */
const shot = (name: string) =>
  process.env.WAYMARK_UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots', name)
    : test.info().outputPath(name);

const dir = mkdtempSync(join(tmpdir(), 'waymark-insights-gap-queries-'));
let server: RunningServer;
let store: Store;
let token = '';

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'), { now: () => new Date(`${DAY}T12:00:00Z`) });
  token = await store.addUser({
    email: 'author@example.com',
    role: 'author',
    team: undefined,
    rotate: false,
  });
  const ingest = new EventIngest(store);
  const ticket = { app: 'zendesk', screen: 'ticket' };
  // Five people type every phrase; the i-th phrase once more per i by the first of them.
  for (let person = 1; person <= 5; person++) {
    const events: InsightEvent[] = WORDS.flatMap((words, i) =>
      Array.from({ length: person === 1 ? WORDS.length - i : 1 }, () =>
        failedSearch(DAY, words, ticket),
      ),
    );
    // Typed by these four only: under the k rule, on the page and in the CSV alike.
    if (person <= 4) events.push(failedSearch(DAY, 'customer jane doe', ticket));
    const answer = await ingest.receive(
      { install: installOf(person), events: events.map((e, seq) => ({ ...e, seq: seq + 1 })) },
      learner(`p${person}@example.com`),
    );
    expect(answer.status).toBe(200);
  }
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => {} });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/insights`);
  await page.getByLabel('Your Waymark token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gaps');
  return page;
}

test('a gap lists its 10 most searched queries and "and 4 more", whose CSV holds all 14 and none under the k rule', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await signIn(browser);
    const gap = page.locator('tr[data-gap="zendesk/ticket"]');
    const listed = gap.locator('.queries li:not(.more)');
    await expect(listed).toHaveCount(10);
    await expect(listed.first()).toHaveText(`“refund policy” ${WORDS.length + 4}× by 5 people`);
    await expect(listed.last()).toHaveText('“warranty claim” 9× by 5 people');
    await expect(gap.locator('.queries .more')).toHaveText('and 4 more — all in the CSV');
    await expect(gap).not.toContainText('jane');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({
      path: shot('insights-gaps-capped.png'),
      fullPage: true,
    });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      gap.getByRole('link', { name: 'all in the CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('app,screen,query,searches,people');
    expect(csv.slice(1).map((line) => line.split(',')[2])).toEqual(WORDS);
    expect(csv.join('\n')).not.toContain('jane');
  } finally {
    await browser.close();
  }
});
