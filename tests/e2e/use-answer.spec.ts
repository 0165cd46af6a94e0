import { expect, test, type Page } from '@playwright/test';
import { sitesAndExtension, ticketWithPanel } from './support/session';

const session = sitesAndExtension();
const COMPOSER = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
const SNIPPET = 'Thanks for sending your order back.';

const ticket = () => ticketWithPanel(session);

async function openReturnsPolicy(panel: Page) {
  await panel.getByRole('tab', { name: /For this page/ }).click();
  await panel
    .getByRole('list', { name: 'Relevant now' })
    .getByRole('button', { name: /Returns and exchanges policy/ })
    .click();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Returns and exchanges policy');
}

test('"Insert into reply" puts a marked snippet at the caret of the ticket’s reply, through the content script', async () => {
  const { page, panel } = await ticket();
  // The agent is writing: caret after "Hi Priya,", on a new line.
  await page.click(COMPOSER);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await panel.bringToFront();
  await openReturnsPolicy(panel);
  const snippet = panel.getByRole('figure').filter({ hasText: 'Reply snippet' });
  await snippet.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(snippet.getByRole('status')).toHaveText('Snippet inserted into the reply.');
  const reply = await page.locator(COMPOSER).innerText();
  expect(reply.startsWith('Hi Priya,')).toBe(true);
  expect(reply).toContain(SNIPPET);
  await panel.screenshot({ path: test.info().outputPath('use-answer-snippet.png') });
  await page.bringToFront();
  await page.screenshot({ path: test.info().outputPath('reply-inserted.png') });
  await panel.close();
  await page.close();
});

test('with no reply box focused, "Insert" says what to do; "Copy" and "Copy link" use the clipboard', async () => {
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page, panel } = await ticket();
  await openReturnsPolicy(panel);
  const snippet = panel.getByRole('figure').filter({ hasText: 'Reply snippet' });
  await snippet.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(snippet.getByRole('status')).toHaveText(
    'Click into the reply box on the page first, then press Insert again.',
  );
  expect(await page.locator(COMPOSER).innerText()).toBe('Hi Priya,');

  await snippet.getByRole('button', { name: 'Copy' }).click();
  await expect(snippet.getByRole('status')).toHaveText('Snippet copied.');
  expect(await panel.evaluate(() => navigator.clipboard.readText())).toContain(SNIPPET);
  await panel.getByRole('button', { name: 'Copy link' }).click();
  const link = await panel.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/sidepanel\.html\?item=returns-and-exchanges-policy$/);
  // The link opens the article in Waymark.
  const opened = await session.browser.context.newPage();
  await opened.goto(link);
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText(
    'Returns and exchanges policy',
  );
  await opened.close();
  await panel.close();
  await page.close();
});
