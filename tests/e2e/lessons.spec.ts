import { expect, test, type Page } from '@playwright/test';
import { inPageUi } from './support/in-page';
import { answerCheck } from './support/lessons';
import { sitesAndExtension, ticketWithPanel } from './support/session';

const session = sitesAndExtension();
const LESSON = 'Zendesk ticket basics';

const ticketAndPanel = () => ticketWithPanel(session);

async function openLesson(panel: Page) {
  await panel.getByRole('tab', { name: 'Learn' }).click();
  await panel.getByRole('button', { name: LESSON }).first().click();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(LESSON);
}

const highlighted = async (page: Page) => (await inPageUi(page)).highlight !== undefined;

test('"Show me on the page" names the field and clears on Esc, the next step, leaving the lesson and navigation', async () => {
  const { page, panel } = await ticketAndPanel();
  await openLesson(panel);
  while (!(await panel.getByRole('heading', { level: 2 }).innerText()).includes('properties'))
    await panel.getByRole('button', { name: 'Next' }).click();
  const showMe = panel.getByRole('button', { name: 'Show me on the page' });

  await showMe.click();
  await expect.poll(() => highlighted(page)).toBe(true);
  expect((await inPageUi(page)).callout?.text).toMatch(/^Priority Step 3 of \d+ · Esc to close$/);
  await page.bringToFront();
  await page.screenshot({ path: test.info().outputPath('lesson-highlight-callout.png') });
  await page.keyboard.press('Escape');
  await expect.poll(() => highlighted(page)).toBe(false);

  await showMe.click();
  await expect.poll(() => highlighted(page)).toBe(true);
  await panel.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => highlighted(page)).toBe(false);

  await panel.getByRole('button', { name: 'Previous step' }).click();
  await showMe.click();
  await expect.poll(() => highlighted(page)).toBe(true);
  await panel.getByRole('button', { name: '← Back' }).click();
  await expect.poll(() => highlighted(page)).toBe(false);

  await openLesson(panel);
  await panel.getByRole('button', { name: 'Show me on the page' }).click();
  await expect.poll(() => highlighted(page)).toBe(true);
  // The agent moves to the next ticket (single-page navigation): the ring does not follow.
  await page.evaluate(() => history.pushState({}, '', '/agent/tickets/456'));
  await expect.poll(() => highlighted(page)).toBe(false);
  await panel.close();
  await page.close();
});

test('a lesson is complete only at its pass mark: wrong answers are retried, then "Continue path →", with one Back', async () => {
  const { page, panel } = await ticketAndPanel();
  await openLesson(panel);
  const backs = panel.getByRole('button', { name: /Back/ });
  while (await panel.getByRole('button', { name: 'Next' }).isVisible()) {
    await expect(backs).toHaveCount(1);
    await panel.getByRole('button', { name: 'Next' }).click();
  }
  await panel.getByRole('button', { name: 'Check what you learned' }).click();
  await expect(panel.getByText('Pass mark: 80 % (3 of 3 right).')).toBeVisible();
  await answerCheck(panel, 'zendesk-ticket-basics', (i) => i !== 0);
  await panel.getByRole('button', { name: 'Finish lesson' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Not passed yet' })).toHaveText(
    'Not passed yet — 2 of 3 right (67 %). You need 80 % to pass.',
  );
  await expect(backs).toHaveCount(1);
  await panel.screenshot({ path: test.info().outputPath('lesson-not-passed.png') });

  await panel.getByRole('button', { name: 'Retry the wrong answer' }).click();
  // The right answers stay; only the wrong one is open again.
  await expect(panel.locator('fieldset.question').getByRole('status')).toHaveCount(2);
  await answerCheck(panel, 'zendesk-ticket-basics', () => true);
  await panel.getByRole('button', { name: 'Finish lesson' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Lesson complete' })).toHaveText(
    'Lesson complete — 3 of 3 right (100 %).',
  );
  await expect(backs).toHaveCount(1);
  await panel.screenshot({ path: test.info().outputPath('lesson-passed-continue.png') });
  await panel.getByRole('button', { name: /^Continue path → / }).click();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(
    'SLA essentials for support agents',
  );
  await expect(backs).toHaveCount(1);
  await panel.close();
  await page.close();
});
