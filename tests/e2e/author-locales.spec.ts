import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { ConnectResult } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import { violations } from './support/axe';
import { clippedOrOutside, translator } from './support/catalogue';
import { callBackground } from './support/extension';
import { sitesAndExtension, ticketWithPanel } from './support/session';

/**
 * The Author tab in a German and in an Arabic Chromium (Debian's chromium-l10n), signed in as an
 * admin on a real server: its start, the lesson editor, the audit log and the screen's insights
 * speak the browser's language with its plural forms, Arabic runs right to left, no label or
 * button is cut off in the panel's width, and axe finds nothing.
 */
const dir = mkdtempSync(join(tmpdir(), 'waymark-author-locales-'));
let store: Store;
let server: RunningServer;
let token = '';

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'), { now: () => new Date('2026-03-02T09:00:00Z') });
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  token = await store.addUser({
    email: 'ada.admin@example.com',
    role: 'admin',
    team: undefined,
    rotate: false,
  });
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a reader of the panel must see whole: headings, labels, buttons, hints, table cells. */
const READABLE = 'h1, h2, legend, label, button, summary, p, th, td, .status-chip, option';

/**
 * Where a block's own text sits: the left and right edges of its last line (a paragraph's last
 * line is short and hugs the side the language starts from), across its bidi runs, in CSS px.
 */
async function textEdges(
  locator: Locator,
): Promise<{ left: number; right: number; width: number }> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const line = rects.filter((r) => Math.abs(r.bottom - bottom) < 2);
    return {
      left: Math.min(...line.map((r) => r.left)),
      right: Math.max(...line.map((r) => r.right)),
      width: document.documentElement.clientWidth,
    };
  });
}

/** The text starts at the panel's right in Arabic, at its left in German. */
async function expectTextFrom(side: 'left' | 'right', locator: Locator): Promise<void> {
  const { left, right, width } = await textEdges(locator);
  if (side === 'right') expect(width - right).toBeLessThan(left);
  else expect(left).toBeLessThan(width - right);
}

for (const locale of ['de', 'ar'] as const) {
  test.describe(`the Author tab in ${locale === 'de' ? 'German' : 'Arabic'}`, () => {
    const session = sitesAndExtension(undefined, undefined, locale);
    const t = translator(locale);
    const start = locale === 'ar' ? 'right' : 'left';

    async function authorPanel(): Promise<{ page: Page; panel: Page }> {
      const options = await session.browser.context.newPage();
      await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
      const connected = await callBackground<ConnectResult>(options, 'bg:connect', {
        serverUrl: server.url,
        token,
      });
      expect(connected.ok, connected.message).toBe(true);
      await options.close();
      const { page, panel } = await ticketWithPanel(session);
      // The tabs settle (For this page's count arrives) before one is clicked.
      await expect(panel.locator('.items .item').first()).toBeVisible();
      const tab = panel.getByRole('tab', { name: t('panel.tab.author') });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(panel.getByRole('heading', { name: t('author.templates') })).toBeVisible();
      return { page, panel };
    }

    test('its start, a lesson draft, the audit log and insights: translated, whole, mirrored', async () => {
      // Four axe passes and a dozen layout reads over a React page on a loaded 2-core machine.
      test.setTimeout(180_000);
      const { page, panel } = await authorPanel();
      await expect(panel.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(
        panel.getByText(t('author.signedIn', { email: 'ada.admin@example.com', role: 'admin' })),
      ).toBeVisible();
      await expect(panel.getByRole('heading', { name: t('author.drafts') })).toBeVisible();
      await expectTextFrom(start, panel.getByRole('heading', { name: t('author.templates') }));
      expect(await clippedOrOutside(panel, READABLE)).toEqual([]);
      expect(await violations(panel)).toEqual([]);
      await panel.screenshot({ path: test.info().outputPath(`${locale}-author-home.png`) });

      // A lesson from its template: every field's label in the language, its plural "to fix".
      const lesson = t('author.typeName.lesson');
      await panel
        .locator('section[aria-labelledby="new-heading"] li')
        .filter({ hasText: lesson })
        .first()
        .getByRole('button')
        .click();
      await expect(
        panel.getByRole('heading', { level: 1, name: t('editor.new', { type: lesson }) }),
      ).toBeVisible();
      for (const label of ['editor.title', 'editor.summary', 'editor.minutes', 'editor.owner'])
        await expect(
          panel
            .getByRole('textbox', { name: t(label), exact: true })
            .or(panel.getByRole('spinbutton', { name: t(label), exact: true })),
        ).toBeVisible();
      await expect(panel.getByRole('heading', { name: t('lesson.check') })).toBeVisible();
      await expect(panel.getByRole('group', { name: t('editor.targeting') })).toBeVisible();
      const saved = (await panel.locator('.save-state').textContent()) ?? '';
      const counts = Array.from({ length: 60 }, (_, count) => count + 1);
      expect(counts.map((count) => t('editor.savedToFix', { count }))).toContain(saved);
      await expectTextFrom(start, panel.getByText(t('editor.objectivesHint')));
      expect(await clippedOrOutside(panel, READABLE)).toEqual([]);
      expect(await violations(panel)).toEqual([]);
      await panel.screenshot({
        path: test.info().outputPath(`${locale}-author-lesson-editor.png`),
        fullPage: true,
      });

      // The lesson's draft stays on this device; the audit log is the admin's.
      await panel.getByRole('button', { name: t('author.back') }).click();
      await panel.getByRole('button', { name: t('author.audit') }).click();
      await expect(panel.getByRole('heading', { level: 1, name: t('audit.title') })).toBeVisible();
      await expect(
        panel.getByRole('combobox', { name: t('audit.action') }).locator('option'),
      ).toContainText([t('audit.any'), t('audit.kind.create'), t('audit.kind.request_changes')]);
      await expect(panel.getByRole('list', { name: t('audit.entries') })).toBeVisible();
      expect(await clippedOrOutside(panel, READABLE)).toEqual([]);
      expect(await violations(panel)).toEqual([]);
      await panel.screenshot({ path: test.info().outputPath(`${locale}-author-audit.png`) });

      await panel.getByRole('button', { name: t('author.back') }).click();
      await panel.getByRole('button', { name: t('author.insights') }).click();
      const insights = panel.getByRole('region', { name: t('insights.screen') });
      await expect(
        insights.getByRole('heading', { name: t('insights.screenTitle') }),
      ).toBeVisible();
      await expect(
        insights
          .getByRole('table', { name: t('insights.failedTable') })
          .or(insights.getByRole('alert')),
      ).toBeVisible();
      await expectTextFrom(start, insights.locator('h2'));
      await expectTextFrom(start, insights.locator('caption').first());
      expect(await clippedOrOutside(panel, READABLE)).toEqual([]);
      expect(await violations(panel)).toEqual([]);
      await panel.screenshot({ path: test.info().outputPath(`${locale}-author-insights.png`) });
      await panel.close();
      await page.close();
    });
  });
}
