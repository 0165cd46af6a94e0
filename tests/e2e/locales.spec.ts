import { expect, test, type Page } from '@playwright/test';
import { translator } from './support/catalogue';
import { inPageUi, openTipCard } from './support/in-page';
import { sitesAndExtension, ticketWithPanel } from './support/session';

/**
 * Chromium in German and in Arabic (Debian's chromium-l10n): Waymark's pages, side panel and
 * in-page UI come up in the browser's language, with its plural forms, and Arabic right to left.
 */
/** The launcher's accessible name, as the language's catalogue and plural rules say it. */
async function launcherSaysCount(page: Page, locale: string): Promise<void> {
  await expect
    .poll(async () => Number((await inPageUi(page)).launcher?.attrs['data-count']), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  const launcher = (await inPageUi(page)).launcher;
  const count = Number(launcher?.attrs['data-count']);
  expect(await labelOfLauncherButton(page)).toBe(
    translator(locale)('page.launcher.labelWhere', { count, where: launcher?.attrs.title ?? '' }),
  );
}

/** What the launcher's open button is described as, read through the DevTools protocol. */
async function labelOfLauncherButton(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type N = { attributes?: string[]; nodeValue?: string; children?: N[]; shadowRoots?: N[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: N;
    };
    const stack: N[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const attrs = node.attributes ?? [];
      if (attrs[attrs.indexOf('id') + 1] === 'waymark-launcher-about')
        return node.children?.map((c) => c.nodeValue ?? '').join('');
      stack.push(...(node.shadowRoots ?? []), ...(node.children ?? []));
    }
    return undefined;
  } finally {
    await cdp.detach();
  }
}

test.describe('in a German browser', () => {
  const session = sitesAndExtension(undefined, undefined, 'de');

  test('the side panel, options, popup and in-page UI speak German, with German plurals', async () => {
    const { page, panel } = await ticketWithPanel(session);
    await expect(panel.locator('html')).toHaveAttribute('lang', 'de');
    await expect(panel.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(panel.getByRole('tab', { name: /Für diese Seite/ })).toBeVisible();
    await expect(panel.locator('.panel-footer .status')).toContainText(/Einträge? für \d+ Apps?/);
    await launcherSaysCount(page, 'de');
    await panel.screenshot({ path: test.info().outputPath('de-side-panel.png') });

    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'Sprache' })).toBeVisible();
    await expect(options.getByRole('combobox', { name: 'Sprache' })).toHaveValue('auto');
    await options.screenshot({ path: test.info().outputPath('de-options.png'), fullPage: true });
    await options.close();
    await panel.close();
    await page.close();
  });
});

test.describe('in an Arabic browser', () => {
  const session = sitesAndExtension(undefined, undefined, 'ar');

  test('the side panel is Arabic and right to left: its tabs run from the right', async () => {
    const { page, panel } = await ticketWithPanel(session);
    await expect(panel.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(panel.locator('html')).toHaveAttribute('dir', 'rtl');
    const first = panel.getByRole('tab', { name: /لهذه الصفحة/ });
    const last = panel.getByRole('tab', { name: /تعلّم/ });
    const [a, b] = [await first.boundingBox(), await last.boundingBox()];
    expect(a!.x).toBeGreaterThan(b!.x);
    await panel.screenshot({ path: test.info().outputPath('ar-side-panel.png') });
    await panel.locator('.items .item').first().click();
    await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
    await panel.screenshot({ path: test.info().outputPath('ar-article.png') });
    await panel.close();
    await page.close();
  });

  test('the in-page UI is Arabic, right to left on its shadow host, with Arabic plural forms', async () => {
    const { page, panel } = await ticketWithPanel(session);
    await panel.close();
    const host = await page.evaluate(() => {
      const el = document.querySelector('waymark-root') as HTMLElement;
      return { lang: el.lang, dir: el.dir };
    });
    expect(host).toEqual({ lang: 'ar', dir: 'rtl' });
    await launcherSaysCount(page, 'ar');
    const card = await openTipCard(page);
    expect(card).toContain('فهمت');
    await page.screenshot({ path: test.info().outputPath('ar-in-page.png') });
    await page.close();
  });

  test('the options’ language picker overrides the browser: French, then the browser’s again', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    const picker = options.getByRole('combobox', { name: 'اللغة' });
    await picker.selectOption('fr');
    await expect(options.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(options.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(options.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    await options.getByRole('combobox', { name: 'Langue' }).selectOption('auto');
    await expect(options.locator('html')).toHaveAttribute('dir', 'rtl');
    await options.close();
  });
});
