import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content-files';
import type { ConnectResult, Draft } from '@/lib/messages';
import { startServer, type RunningServer } from '@/server/main';
import { seedFromContent } from '@/server/seed';
import { openStore, type Store } from '@/server/store';
import {
  callBackground,
  launchWithExtension,
  openPanelFor,
  tabIdShowing,
  type ExtensionBrowser,
} from './support/extension';
import type { FixtureServer } from './support/fixture-server';
import { inPageUi } from './support/in-page';
import { startSites } from './support/sites';
import { URLS } from './support/sites';

/**
 * Publishing in context under governance, with three browser profiles on one real server: an
 * author picks an element on the Zendesk ticket and submits a tip; a reviewer approves it; a
 * learner syncs and sees the tip's beacon on that element. The author cannot approve their own
 * tip, and the learner reaches no authoring route.
 */
test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(join(tmpdir(), 'waymark-authoring-e2e-'));
let store: Store;
let server: RunningServer;
let sites: FixtureServer;
const profiles = {} as Record<'author' | 'reviewer' | 'learner', ExtensionBrowser>;
const tokens = {} as Record<'author' | 'reviewer' | 'learner', string>;
const TYPE_SELECT = '[data-test-id="ticket-form-field-type"]';
const TITLE = 'Problem or incident? Choose the type first';

// The server's clock stands still at the suite's start, so a date it computes (verify-by) cannot
// move under the test when the run crosses midnight.
const SERVER_NOW = new Date();

test.beforeAll(async () => {
  store = await openStore(join(dir, 'waymark.db'), { now: () => new Date(SERVER_NOW) });
  await seedFromContent(store, join(import.meta.dirname, '..', '..', 'content'), loadContent);
  tokens.author = await store.addUser({
    email: 'ana.author@example.com',
    role: 'author',
    team: undefined,
    rotate: false,
  });
  tokens.reviewer = await store.addUser({
    email: 'rui.reviewer@example.com',
    role: 'reviewer',
    team: undefined,
    rotate: false,
  });
  tokens.learner = await store.addUser({
    email: 'lee.learner@example.com',
    role: 'learner',
    team: 'tier1',
    rotate: false,
  });
  server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => undefined });
  sites = await startSites();
  for (const role of ['author', 'reviewer', 'learner'] as const) {
    profiles[role] = await launchWithExtension();
    const page = await options(profiles[role]);
    const connected = await callBackground<ConnectResult>(page, 'bg:connect', {
      serverUrl: server.url,
      token: tokens[role],
    });
    expect(connected.ok, connected.message).toBe(true);
    await page.close();
  }
});

test.afterAll(async () => {
  for (const profile of Object.values(profiles)) await profile.close();
  await sites?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function options(profile: ExtensionBrowser): Promise<Page> {
  const page = await profile.context.newPage();
  await page.goto(`chrome-extension://${profile.extensionId}/options.html`);
  return page;
}

async function ticketPage(profile: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(sites.url(...URLS.zendesk));
  await expect.poll(async () => (await inPageUi(page)).launcher !== undefined).toBe(true);
  // The launcher mounts first; the background learns where the tab is a moment later.
  let tabId = -1;
  await expect
    .poll(async () => (tabId = await tabIdShowing(profile, '123').catch(() => -1)))
    .toBeGreaterThan(-1);
  return { page, tabId };
}

async function authorTab(panel: Page): Promise<void> {
  await panel.getByRole('tab', { name: 'Author' }).click();
  await expect(panel.getByRole('heading', { name: 'Start from a template' })).toBeVisible();
}

let itemId = '';

test('an author picks an element on the ticket and submits a tip from a template', async () => {
  const { page: ticket, tabId } = await ticketPage(profiles.author);
  let panel = await openPanelFor(profiles.author, tabId);
  await authorTab(panel);
  await panel.getByRole('button', { name: 'Tip on a field or button' }).click();
  await panel.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
  await panel
    .getByRole('textbox', { name: 'Tip text (Markdown)', exact: true })
    .fill(
      'Set **Type** before you reply: *Incident* links the ticket to a problem, so the fix reaches every linked customer.',
    );

  // Autosaved: closing the panel and stopping the service worker lose nothing.
  await expect(panel.getByText('Saved here', { exact: false })).toBeVisible();
  await panel.close();
  const cdp = await profiles.author.context.newCDPSession(ticket);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  panel = await openPanelFor(profiles.author, tabId);
  await authorTab(panel);
  await panel.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(panel.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(TITLE);
  await expect(panel.getByRole('textbox', { name: 'Id', exact: true })).toHaveValue(
    'problem-or-incident-choose-the-type-first',
  );
  // Targeting is prefilled from where the author is.
  await expect(
    panel
      .getByRole('group', { name: 'Screens', exact: true })
      .getByRole('checkbox', { name: 'Zendesk Support · Ticket' }),
  ).toBeChecked();

  // The picker: hover shows what will be chosen; the click is the picker's, not the page's.
  await ticket.evaluate(() => {
    (window as unknown as { pageClicks: number }).pageClicks = 0;
    document.addEventListener('click', () => {
      (window as unknown as { pageClicks: number }).pageClicks += 1;
    });
  });
  await panel.getByRole('button', { name: 'Pick element on the page' }).click();
  await expect(panel.getByText('On the page: hover')).toBeVisible();
  const target = await ticket.locator(TYPE_SELECT).boundingBox();
  if (target === null) throw new Error('no Type field on the fixture');
  await ticket.mouse.move(target.x + 10, target.y + target.height / 2);
  await ticket.waitForTimeout(150);
  await ticket.screenshot({ path: test.info().outputPath('picker-hover.png') });
  await ticket.mouse.click(target.x + 10, target.y + target.height / 2);
  await expect(panel.getByRole('status').filter({ hasText: 'Anchored to' })).toContainText(
    'Waymark finds this element again',
  );
  expect(
    await ticket.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks),
  ).toBe(0);
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: test.info().outputPath('author-editor.png') });
  await panel.getByRole('region', { name: 'Preview' }).screenshot({
    path: test.info().outputPath('author-preview.png'),
  });
  // "Show on the page": the content script draws the card on the chosen element, as learners get it.
  await panel.getByRole('button', { name: 'Show on the page' }).click();
  await expect(panel.getByText('Shown on the page, as learners will see it.')).toBeVisible();
  await expect.poll(async () => (await inPageUi(ticket)).card?.text ?? '').toContain(TITLE);
  // The card sits beside the field it explains (the gap between their boxes is the arrow's).
  const card = (await inPageUi(ticket)).card?.box;
  const gap = (a: number, aSize: number, b: number, bSize: number) =>
    Math.max(0, a - (b + bSize), b - (a + aSize));
  expect(card).toBeDefined();
  expect(
    Math.max(
      gap(card!.x, card!.width, target.x, target.width),
      gap(card!.y, card!.height, target.y, target.height),
    ),
  ).toBeLessThanOrEqual(20);
  await ticket.screenshot({ path: test.info().outputPath('preview-on-page.png') });

  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  itemId = 'problem-or-incident-choose-the-type-first';
  expect(await store.getItem(itemId)).toMatchObject({
    status: 'in_review',
    owner: 'ana.author@example.com',
  });

  // The author is not offered approval, and the server refuses it when asked anyway.
  await expect(panel.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);
  const own = await callBackground<{ ok: boolean; status: number; problem: string }>(
    panel,
    'bg:author-step',
    { id: itemId, action: 'approve', version: (await store.getItem(itemId))?.version ?? 0 },
  );
  expect(own).toMatchObject({ ok: false, status: 403 });
  expect(own.problem).toContain('Not allowed');
  await panel.close();
  await ticket.close();
});

test('a reviewer approves it; nobody approves their own change', async () => {
  const panel = await openPanelFor(profiles.reviewer);
  await authorTab(panel);
  const queue = panel.getByRole('region', { name: 'Waiting for review' });
  await queue.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(panel.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath('review.png') });
  await panel.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(
    panel.getByRole('status').filter({ hasText: 'Approved and published' }),
  ).toBeVisible();
  const published = await store.getItem(itemId);
  expect(published).toMatchObject({ status: 'published' });
  // verify_by comes from the template's period (90 days for element tips).
  const in90 = new Date(SERVER_NOW.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
  expect(published?.verify_by).toBe(in90);

  // The reviewer's own change: offered no approval, and refused by the server when asked.
  const draft = await callBackground<{ ok: boolean; value: Draft }>(panel, 'bg:draft-new', {
    templateId: 'screen-tip',
  });
  expect(draft.ok).toBe(true);
  await callBackground(panel, 'bg:draft-put', {
    draft: {
      ...draft.value,
      fields: {
        ...draft.value.fields,
        id: 'reviewer-own-tip',
        title: 'A tip the reviewer wrote',
        body: 'Only another reviewer may publish this.',
        targeting: { apps: ['zendesk'], screens: [], roles: [], teams: [] },
      },
      updatedAt: new Date().toISOString(),
    },
  });
  const sent = await callBackground<{ ok: boolean }>(panel, 'bg:draft-send', {
    key: draft.value.key,
    submit: true,
  });
  expect(sent.ok).toBe(true);
  await panel.getByRole('button', { name: '← Author' }).click();
  await panel
    .getByRole('region', { name: 'Waiting for review' })
    .getByRole('button', { name: 'A tip the reviewer wrote', exact: true })
    .click();
  await expect(panel.getByText('You made the last change')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Approve and publish' })).toBeDisabled();
  const own = await callBackground<{ ok: boolean; status: number; problem: string }>(
    panel,
    'bg:author-step',
    {
      id: 'reviewer-own-tip',
      action: 'approve',
      version: (await store.getItem('reviewer-own-tip'))?.version ?? 0,
    },
  );
  expect(own).toMatchObject({ ok: false, status: 403 });
  expect(own.problem).toContain('another reviewer must approve it');
  await panel.close();
});

test('a learner syncs and sees the tip on that element, and reaches no authoring route', async () => {
  const options = await openPanelFor(profiles.learner);
  await callBackground(options, 'bg:sync-now', {});
  await expect(options.getByRole('tab', { name: 'Author' })).toHaveCount(0);
  for (const [type, payload] of [
    ['bg:author-templates', {}],
    ['bg:author-items', {}],
    ['bg:author-item', { id: itemId }],
    ['bg:author-queue', {}],
    ['bg:author-step', { id: itemId, action: 'archive', version: 1 }],
  ] as const) {
    const result = await callBackground<{ ok: boolean; status: number }>(options, type, payload);
    expect({ type, ...result }).toMatchObject({
      type,
      ok: false,
      status: 403,
    });
  }
  await options.close();

  const { page } = await ticketPage(profiles.learner);
  const target = await page.locator(TYPE_SELECT).boundingBox();
  if (target === null) throw new Error('no Type field');
  await expect
    .poll(
      async () => {
        const ui = await inPageUi(page);
        return ui.beacons.some(
          (b) =>
            b.box !== undefined &&
            Math.abs(b.box.y + b.box.height / 2 - (target.y + target.height / 2)) < 30 &&
            b.box.x >= target.x - 30 &&
            b.box.x <= target.x + target.width + 30,
        );
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.screenshot({ path: test.info().outputPath('learner-beacon.png') });

  // On a ticket where the element is gone, the tip cannot resolve: the learner's extension
  // reports it (tip, app, screen and a count, nothing from the page) and it lands in the owner's
  // queue.
  await page.evaluate(() =>
    document.querySelector('[data-test-id="ticket-form-field-type-field"]')?.remove(),
  );
  await page.click('#next-ticket');
  const extensionPage = await openPanelFor(profiles.learner);
  const reported = async () => {
    const report = (await store.anchorReports()).find((r) => r.id === itemId);
    return report === undefined
      ? null
      : { count: report.count, app: report.app, screen: report.screen };
  };
  await expect
    .poll(
      async () => {
        await callBackground(extensionPage, 'bg:sync-now', {});
        return await reported();
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toEqual({ count: 1, app: 'zendesk', screen: 'ticket' });
  await extensionPage.close();

  const authorPanel = await openPanelFor(profiles.author);
  await authorTab(authorPanel);
  await expect(authorPanel.getByRole('region', { name: 'Needs verification' })).toContainText(
    'element not found 1 time on zendesk:ticket',
  );
  await authorPanel.screenshot({ path: test.info().outputPath('author-home.png'), fullPage: true });
  await authorPanel.close();
});

test('an author builds a lesson from its template, pointing a step at a field, and previews it', async () => {
  const { page: ticket, tabId } = await ticketPage(profiles.author);
  const panel = await openPanelFor(profiles.author, tabId);
  await authorTab(panel);
  await panel.getByRole('button', { name: 'Micro-lesson', exact: true }).click();
  await panel
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('Set priority from the SLA table');
  // The template's two steps are there; the second one points at the Priority field.
  await expect(panel.getByRole('group', { name: 'Step 2' })).toBeVisible();
  await panel
    .getByRole('group', { name: 'Step 2' })
    .getByRole('button', { name: 'Point at an element' })
    .click();
  const priority = await ticket
    .locator('[data-test-id="ticket-form-field-priority"]')
    .boundingBox();
  if (priority === null) throw new Error('no Priority field');
  await ticket.mouse.move(priority.x + 10, priority.y + priority.height / 2);
  await ticket.mouse.click(priority.x + 10, priority.y + priority.height / 2);
  await expect(panel.getByRole('group', { name: 'Step 2' }).getByRole('status')).toContainText(
    'Anchored to combobox "Priority"',
  );

  // The preview is the learner's lesson player; its "Show me" highlights the field on the page.
  const preview = panel.getByRole('region', { name: 'Preview' });
  await expect(
    preview.getByRole('heading', { name: 'Set priority from the SLA table' }),
  ).toBeVisible();
  await preview.getByRole('button', { name: 'Next' }).click();
  await preview.getByRole('button', { name: 'Show me on the page' }).click();
  await expect.poll(async () => (await inPageUi(ticket)).highlight !== undefined).toBe(true);

  await panel.getByRole('button', { name: 'Save to server' }).click();
  await expect(
    panel.getByRole('status').filter({ hasText: 'Saved on the server as version 1' }),
  ).toBeVisible();
  const lesson = await store.getItem('set-priority-from-the-sla-table');
  expect(lesson).toMatchObject({ type: 'lesson', status: 'draft', verify_days: 120 });
  expect(lesson?.type === 'lesson' && lesson.steps[1]?.anchor).toBeTruthy();
  await panel.close();
  await ticket.close();
});

test('an admin reads the audit trail of the tip, filtered', async () => {
  const token = await store.addUser({
    email: 'ada.admin@example.com',
    role: 'admin',
    team: undefined,
    rotate: false,
  });
  const admin = await launchWithExtension();
  try {
    const page = await options(admin);
    expect(
      (await callBackground<ConnectResult>(page, 'bg:connect', { serverUrl: server.url, token }))
        .ok,
    ).toBe(true);
    await page.close();
    const panel = await openPanelFor(admin);
    await authorTab(panel);
    await panel.getByRole('button', { name: 'Audit log' }).click();
    await panel.getByRole('textbox', { name: 'Item' }).fill(itemId);
    await panel.getByRole('button', { name: 'Filter' }).click();
    const entries = panel.getByRole('list', { name: 'Audit entries' });
    await expect(entries).toContainText('rui.reviewer@example.com approved');
    await expect(entries).toContainText('ana.author@example.com submitted for review');
    await expect(entries).toContainText('ana.author@example.com created');
    await expect(entries).not.toContainText('reviewer-own-tip');
    await panel.screenshot({ path: test.info().outputPath('audit.png') });
    await panel.close();
  } finally {
    await admin.close();
  }
});

/** The author's tab on a fixture page showing `recordId`, its side panel, and a new element-tip draft. */
async function draftOnPage(where: readonly [string, string], recordId: string) {
  const author = profiles.author;
  const page = await author.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(sites.url(...where));
  await expect.poll(async () => (await inPageUi(page)).launcher !== undefined).toBe(true);
  let tabId = -1;
  await expect
    .poll(async () => (tabId = await tabIdShowing(author, recordId).catch(() => -1)))
    .toBeGreaterThan(-1);
  const panel = await openPanelFor(author, tabId);
  const created = await callBackground<{ ok: boolean; value: Draft }>(panel, 'bg:draft-new', {
    templateId: 'element-tip',
    tabId,
  });
  expect(created.ok).toBe(true);
  return { page, panel, tabId, key: created.value.key };
}

test('the picker reaches into an open shadow root and a same-origin frame, and Esc hands the page back', async () => {
  const { page, panel, tabId, key } = await draftOnPage(URLS.zendeskApps, '789');
  await page.evaluate(() => {
    const button = document
      .querySelector('acme-order-app')
      ?.shadowRoot?.querySelector('[data-testid="issue-refund"]');
    button?.addEventListener('click', () => {
      (window as unknown as { refunds: number }).refunds =
        ((window as unknown as { refunds?: number }).refunds ?? 0) + 1;
    });
  });
  const refunds = () =>
    page.evaluate(() => (window as unknown as { refunds?: number }).refunds ?? 0);

  const pickAt = async (box: { x: number; y: number; width: number; height: number } | null) => {
    if (box === null) throw new Error('element not on the page');
    const started = await callBackground<{ started: boolean }>(panel, 'bg:pick-start', {
      tabId,
      draftKey: key,
      target: { kind: 'tip' },
    });
    expect(started.started).toBe(true);
    const before = (await callBackground<Draft>(panel, 'bg:draft-get', { key })).pick?.pickedAt;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(
        async () => (await callBackground<Draft>(panel, 'bg:draft-get', { key })).pick?.pickedAt,
      )
      .not.toBe(before);
    return callBackground<Draft>(panel, 'bg:draft-get', { key });
  };

  // Inside the web component's open shadow root.
  const inShadow = await pickAt(await page.locator('[data-testid="issue-refund"]').boundingBox());
  expect(inShadow.pick).toMatchObject({ resolves: true, label: 'button "Issue refund"' });
  expect((inShadow.fields.anchor as { path: { via: string }[] }).path.map((p) => p.via)).toEqual([
    'shadow',
  ]);
  expect(await refunds()).toBe(0);

  // Inside the same-origin iframe app.
  const inFrame = await pickAt(
    await page.frameLocator('iframe').locator('[data-testid="reship-order"]').boundingBox(),
  );
  expect(inFrame.pick).toMatchObject({ resolves: true, label: 'button "Reship order"' });
  expect((inFrame.fields.anchor as { path: { via: string }[] }).path.map((p) => p.via)).toEqual([
    'frame',
  ]);

  // From the keyboard: focus frames the button, Enter picks it, and the button is not pressed.
  await callBackground(panel, 'bg:pick-start', { tabId, draftKey: key, target: { kind: 'tip' } });
  await page.locator('[data-testid="issue-refund"]').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await callBackground<Draft>(panel, 'bg:draft-get', { key })).pick?.label)
    .toBe('button "Issue refund"');
  expect(await refunds()).toBe(0);
  // Back to the iframe's button, for the Esc check below.
  await pickAt(
    await page.frameLocator('iframe').locator('[data-testid="reship-order"]').boundingBox(),
  );

  // Esc cancels: the draft keeps its element, and the page gets its clicks again.
  await callBackground(panel, 'bg:pick-start', { tabId, draftKey: key, target: { kind: 'tip' } });
  await page.keyboard.press('Escape');
  const box = await page.locator('[data-testid="issue-refund"]').boundingBox();
  if (box === null) throw new Error('no refund button');
  await expect
    .poll(async () => {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return refunds();
    })
    .toBeGreaterThan(0);
  const after = await callBackground<Draft>(panel, 'bg:draft-get', { key });
  expect(after.pick?.label).toBe('button "Reship order"');
  await panel.close();
  await page.close();
});

test('the picker picks in a shadow-DOM widget inside an iframe inside an app shell’s shadow root', async () => {
  const polaris = await draftOnPage(URLS.servicenowPolaris, '46d44a23a9fe19810012d100cca80666');
  const { page, panel, tabId, key } = polaris;
  // Playwright's CSS pierces open shadow roots: shell → gsft_main iframe → widget's shadow root.
  const lookup = page
    .frameLocator('sn-polaris-shell iframe#gsft_main')
    .locator('now-record-reference button');
  await expect(lookup).toBeVisible();
  const box = await lookup.boundingBox();
  if (box === null) throw new Error('the lookup button is not on the page');

  const started = await callBackground<{ started: boolean }>(panel, 'bg:pick-start', {
    tabId,
    draftKey: key,
    target: { kind: 'tip' },
  });
  expect(started.started).toBe(true);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(async () => (await callBackground<Draft>(panel, 'bg:draft-get', { key })).pick?.label)
    .toBe('button "Look up value for field: Caller"');

  const draft = await callBackground<Draft>(panel, 'bg:draft-get', { key });
  expect(draft.pick).toMatchObject({ resolves: true });
  const anchor = draft.fields.anchor as { path: { via: string }[] };
  expect(anchor.path.map((step) => step.via)).toEqual(['shadow', 'frame', 'shadow']);
  // The choosing click was the picker's: the widget's own handler never ran.
  expect(await page.evaluate(() => (window as unknown as { lookups?: number }).lookups ?? 0)).toBe(
    0,
  );
  await page.screenshot({ path: test.info().outputPath('picker-three-levels.png') });
  await panel.close();
  await page.close();
});

test('a concurrent edit is refused with a conflict in words, and the editor keeps the text', async () => {
  // The reviewer opens the published tip to edit it…
  const panel = await openPanelFor(profiles.reviewer);
  const mine = await callBackground<{ ok: boolean; value: Draft }>(panel, 'bg:draft-new', {
    itemId,
  });
  expect(mine.ok).toBe(true);
  // …while the author saves a change to it first.
  const authorPanel = await openPanelFor(profiles.author);
  const theirs = await callBackground<{ ok: boolean; value: Draft }>(authorPanel, 'bg:draft-new', {
    itemId,
  });
  await callBackground(authorPanel, 'bg:draft-put', {
    draft: {
      ...theirs.value,
      fields: { ...theirs.value.fields, summary: 'Type decides who else is told.' },
      updatedAt: new Date().toISOString(),
    },
  });
  expect(
    (
      await callBackground<{ ok: boolean }>(authorPanel, 'bg:draft-send', {
        key: theirs.value.key,
        submit: false,
      })
    ).ok,
  ).toBe(true);
  await authorPanel.close();
  const current = (await store.getItem(itemId))?.version ?? 0;

  await panel.reload();
  await authorTab(panel);
  await panel
    .getByRole('region', { name: 'Drafts on this device' })
    .getByRole('button', { name: TITLE, exact: true })
    .click();
  await panel.getByRole('textbox', { name: 'Summary', exact: true }).fill('Reviewer wording.');
  await panel.getByRole('button', { name: 'Save to server' }).click();
  await expect(panel.getByRole('alert')).toContainText(
    `Someone else changed it first: item "${itemId}" changed since version ${current - 1}; it is at version ${current}.`,
  );
  await expect(panel.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(
    'Reviewer wording.',
  );
  await panel.getByRole('button', { name: `Keep my text on top of version ${current}` }).click();
  await panel.getByRole('button', { name: 'Save to server' }).click();
  await expect(
    panel.getByRole('status').filter({ hasText: `Saved on the server as version ${current + 1}` }),
  ).toBeVisible();
  expect((await store.getItem(itemId))?.summary).toBe('Reviewer wording.');
  await panel.close();
});
