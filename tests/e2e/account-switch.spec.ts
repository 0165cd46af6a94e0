import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { ConnectResult, LessonProgressView } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import { callBackground, launchWithExtension, type ExtensionBrowser } from './support/extension';

/**
 * Connecting another account replaces what Waymark holds for the first one: the options page
 * says what the learner did under it (lessons, votes, hidden tips) and lets them keep it.
 */
const dir = mkdtempSync(join(tmpdir(), 'waymark-switch-e2e-'));
let store: Store;
let server: RunningServer;
let browser: ExtensionBrowser;
const tokens: Record<string, string> = {};

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'));
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  for (const email of ['first@example.com', 'second@example.com'])
    tokens[email] = await store.addUser({ email, role: 'learner', team: 'tier1', rotate: false });
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => undefined });
  browser = await launchWithExtension();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('connecting another account says what would be lost, and keeps it when asked', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const connect = (token: string, previous?: 'keep' | 'discard') =>
    callBackground<ConnectResult>(page, 'bg:connect', {
      serverUrl: server.url,
      token,
      ...(previous ? { previous } : {}),
    });
  expect((await connect(tokens['first@example.com']!)).ok).toBe(true);
  await callBackground(page, 'bg:vote', { id: 'returns-and-exchanges-policy', helpful: true });
  await callBackground(page, 'bg:lesson-update', {
    id: 'zendesk-ticket-basics',
    kind: 'step',
    step: 2,
    completedStep: 1,
  });

  await page.reload();
  // Headless Chromium cannot answer the host-permission prompt: this page grants it itself.
  await page.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { permissions: { request: (p: unknown, done?: (ok: boolean) => void) => unknown } };
    };
    chrome.permissions.request = (_p, done) => (done?.(true), Promise.resolve(true));
  });
  await page.getByLabel('Sign-in token').fill(tokens['second@example.com']!);
  await page.getByRole('button', { name: 'Test connection and save' }).click();
  const dialog = page.getByRole('group', { name: 'Connect another account?' });
  await expect(dialog).toContainText('You are signed in as first@example.com');
  await expect(dialog).toContainText('1 lesson in progress or done, 1 “Was this helpful?” answer');
  await page.screenshot({ path: test.info().outputPath('replace-account.png') });
  await dialog.getByRole('button', { name: 'Keep my progress and connect' }).click();
  await expect(page.getByText('Signed in as second@example.com')).toBeVisible({ timeout: 15_000 });
  const kept = await callBackground<LessonProgressView>(page, 'bg:lesson-progress', {
    id: 'zendesk-ticket-basics',
  });
  expect(kept.step).toBe(2);

  // Back to the first account, starting clean this time: nothing of the second one stays.
  const again = await connect(tokens['first@example.com']!);
  expect(again.ok).toBe(false);
  expect(again.replaces).toMatchObject({ account: 'second@example.com', lessons: 1, votes: 1 });
  expect((await connect(tokens['first@example.com']!, 'discard')).ok).toBe(true);
  const clean = await callBackground<LessonProgressView>(page, 'bg:lesson-progress', {
    id: 'zendesk-ticket-basics',
  });
  expect(clean.step).toBe(0);
  await page.close();
});
