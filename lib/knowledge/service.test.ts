import { beforeEach, describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import {
  ackEvents,
  dismissTip,
  ensureStarterContent,
  peekEvents,
  setSetting,
  type WaymarkDatabase,
} from '@/lib/db';
import { app, testDatabase } from '@/lib/db/test-support';
import { LessonProgressService } from './lessons';
import { KnowledgeService } from './service';
import { memoryTabPages } from './tab-pages';

const base = {
  owner: 'ops@example.com',
  status: 'published',
  verify_by: '2027-06-01',
  updated_at: '2026-11-01',
  version: 1,
};
const item = (fields: Record<string, unknown>): Item => itemSchema.parse({ ...base, ...fields });

const ANCHOR = { v: 1, path: [], target: { tag: 'select', attrs: { 'data-test-id': 'priority' } } };
const items: Item[] = [
  item({
    id: 'refund-orders',
    type: 'article',
    template: 'how-to',
    title: 'Refund an order',
    body: 'How to refund a customer order and issue store credit.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'merge-tickets',
    type: 'article',
    template: 'how-to',
    title: 'Merge duplicate tickets',
    body: 'Merge two tickets from the same requester.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'views-help',
    type: 'article',
    template: 'faq',
    title: 'Working with views',
    body: 'Views list tickets.',
    targeting: { apps: ['desk'], screens: ['desk:views'] },
  }),
  item({
    id: 'desk-wide',
    type: 'article',
    template: 'faq',
    title: 'Desk basics',
    body: 'Everything about the desk.',
    targeting: { apps: ['desk'] },
  }),
  item({
    id: 'refund-policy',
    type: 'article',
    template: 'policy',
    title: 'Refund policy',
    body: 'Refunds over 500 need approval.',
  }),
  item({
    id: 'expense-policy',
    type: 'article',
    template: 'policy',
    title: 'Expense policy',
    body: 'Expenses need receipts.',
  }),
  item({
    id: 'priority-tip',
    type: 'tip',
    title: 'Priority drives the SLA',
    body: 'Set **Priority** first.',
    anchor: ANCHOR,
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'screen-tip',
    type: 'tip',
    title: 'Screen tip',
    body: 'No anchor.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'billing-only',
    type: 'article',
    template: 'faq',
    title: 'Billing refunds FAQ',
    body: 'Refund questions for billing.',
    targeting: { apps: ['desk'], screens: ['desk:ticket'], teams: ['billing'] },
  }),
  item({
    id: 'stale',
    type: 'article',
    template: 'faq',
    title: 'Old refund article',
    body: 'Refund the old way.',
    verify_by: '2026-01-01',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'draft-refund',
    type: 'article',
    template: 'faq',
    title: 'Draft refund article',
    body: 'Refund draft.',
    status: 'draft',
    targeting: { apps: ['desk'], screens: ['desk:ticket'] },
  }),
  item({
    id: 'first-week',
    type: 'lesson',
    title: 'First week',
    objectives: ['Know the desk'],
    steps: [
      { title: 'A', body: 'a' },
      { title: 'B', body: 'b' },
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Pick',
        kind: 'multiple',
        choices: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
          { id: 'c', text: 'C' },
        ],
        correct: ['a', 'b'],
        explanation: 'A and B.',
      },
    ],
  }),
  item({ id: 'week-one', type: 'path', title: 'Week one', lessons: ['first-week'] }),
];

const ticket = (subject?: string): Detection => ({
  app: 'desk',
  screen: 'ticket',
  record: { type: 'ticket', id: '1' },
  context: subject ? { subject } : {},
});
const NOW = new Date('2026-11-28T12:00:00Z');

let db: WaymarkDatabase;
let service: KnowledgeService;
beforeEach(async () => {
  db = testDatabase();
  await ensureStarterContent(
    db,
    {
      apps: [
        {
          ...app('desk'),
          name: 'Desk',
          screens: [{ id: 'ticket', name: 'Ticket', match: { path: '^/t' }, dom: [], context: {} }],
        },
      ],
      items,
    },
    { reason: 'install' },
  );
  service = new KnowledgeService(db, memoryTabPages(), () => NOW);
});

describe('KnowledgeService.pageDetected', () => {
  it('returns the anchored tips and counts only what is relevant now: nothing without a subject', async () => {
    const knowledge = await service.pageDetected(1, ticket());
    expect(knowledge.tips.map((t) => t.id)).toEqual(['priority-tip']);
    // Every ticket item is aimed at the screen; with no subject only articles and lessons count.
    expect(knowledge.count).toBe(4);
  });

  it('counts the strong matches for the ticket subject as relevant now', async () => {
    const knowledge = await service.pageDetected(1, ticket('Merge two duplicate tickets'));
    expect(knowledge.count).toBeGreaterThanOrEqual(1);
    expect(knowledge.count).toBeLessThan(4);
  });

  it('leaves dismissed tips out', async () => {
    await dismissTip(db, 'priority-tip');
    expect((await service.pageDetected(1, ticket())).tips).toEqual([]);
  });

  it("leaves out another team's items once the learner has a team", async () => {
    await setSetting(db, 'team', 'tier1');
    expect((await service.pageDetected(1, ticket())).count).toBe(3);
    await setSetting(db, 'team', 'billing');
    expect((await service.pageDetected(1, ticket())).count).toBe(4);
  });
});

describe('KnowledgeService.pageItems', () => {
  it('ranks the items that match the ticket subject first and adds a relevant company-wide item', async () => {
    await service.pageDetected(3, ticket('Customer wants a refund for order 4411'));
    const page = await service.pageItems(3);
    expect(page.appName).toBe('Desk');
    expect(page.screenName).toBe('Ticket');
    const relevant = page.relevant.map((i) => i.id);
    expect(relevant[0]).toBe('refund-orders');
    expect(page.relevant[0]?.why).toEqual({
      matches: ['customer', 'refund', 'order'],
      screen: 'Ticket',
    });
    expect(relevant).not.toContain('merge-tickets');
    const all = [...relevant, ...page.more.map((i) => i.id)];
    expect(all).toContain('refund-policy');
    expect(all).toContain('merge-tickets');
    expect(all).not.toContain('expense-policy');
    expect([...page.relevant, ...page.more].find((i) => i.id === 'stale')?.needsVerification).toBe(
      true,
    );
  });

  it('lists the tips the learner hid on this screen, and shows one again', async () => {
    await service.dismissTip('priority-tip');
    await service.pageDetected(3, ticket());
    expect((await service.pageItems(3)).hiddenTips).toEqual([
      { id: 'priority-tip', title: 'Priority drives the SLA' },
    ]);
    await service.undismissTip('priority-tip');
    expect((await service.pageItems(3)).hiddenTips).toEqual([]);
    expect((await service.pageDetected(3, ticket())).tips.map((t) => t.id)).toEqual([
      'priority-tip',
    ]);
  });

  it('answers "nothing known" for a tab that reported no page', async () => {
    expect(await service.pageItems(99)).toEqual({
      detection: null,
      appName: null,
      screenName: null,
      relevant: [],
      more: [],
      hiddenTips: [],
      launcherHidden: false,
    });
  });
});

describe('KnowledgeService.searchItems', () => {
  it('finds published items by a misspelled word with highlights, never drafts', async () => {
    const results = await service.searchItems('refnd');
    expect(results.map((r) => r.id)).toContain('refund-orders');
    expect(results.map((r) => r.id)).not.toContain('draft-refund');
    const hit = results.find((r) => r.id === 'refund-policy');
    expect(hit?.titleRanges.length).toBeGreaterThan(0);
  });

  it('filters by the learner team', async () => {
    await setSetting(db, 'team', 'tier1');
    expect((await service.searchItems('billing refunds faq')).map((r) => r.id)).not.toContain(
      'billing-only',
    );
    await setSetting(db, 'team', 'billing');
    expect((await service.searchItems('billing refunds faq'))[0]?.id).toBe('billing-only');
  });

  it('builds the index once and reuses it: from memory, then from the store after a restart', async () => {
    await service.searchItems('refund');
    expect(service.search.lastSource).toBe('built');
    await service.searchItems('merge');
    expect(service.search.lastSource).toBe('memory');
    const afterRestart = new KnowledgeService(db, memoryTabPages(), () => NOW);
    await afterRestart.searchItems('refund');
    expect(afterRestart.search.lastSource).toBe('stored');
  });
});

describe('KnowledgeService items, votes and events', () => {
  it('returns an item with its vote and records a view event', async () => {
    await service.vote('refund-orders', true);
    const view = await service.item('refund-orders');
    expect(view?.vote).toBe(true);
    expect((await peekEvents(db, 10)).map((e) => e.type)).toEqual(['vote', 'view']);
  });

  it('does not return a draft', async () => {
    expect(await service.item('draft-refund')).toBeNull();
  });

  it('records an unresolved tip with app and screen only', async () => {
    await service.tipUnresolved('priority-tip', 'desk', 'ticket');
    expect((await peekEvents(db, 10))[0]?.data).toEqual({
      id: 'priority-tip',
      app: 'desk',
      screen: 'ticket',
    });
  });

  it('folds repeats of an unresolved tip on the same screen into one event with a count', async () => {
    for (let view = 0; view < 3; view++)
      await service.tipUnresolved('priority-tip', 'desk', 'ticket');
    await service.tipUnresolved('priority-tip', 'desk', null);
    const events = await peekEvents(db, 10);
    expect(events.map((e) => [e.data?.screen, e.count ?? 1])).toEqual([
      ['ticket', 3],
      [null, 1],
    ]);
  });

  it('starts a new unresolved-tip event once the queued one was sent', async () => {
    await service.tipUnresolved('priority-tip', 'desk', 'ticket');
    const [sent] = await peekEvents(db, 10);
    await ackEvents(db, sent!.seq);
    await service.tipUnresolved('priority-tip', 'desk', 'ticket');
    const events = await peekEvents(db, 10);
    expect(events.map((e) => [e.seq > sent!.seq, e.count ?? 1])).toEqual([[true, 1]]);
  });

  it('records no unresolved tip when usage events are off', async () => {
    await setSetting(db, 'usageEventsEnabled', false);
    await service.tipUnresolved('priority-tip', 'desk', 'ticket');
    expect(await peekEvents(db, 10)).toEqual([]);
  });
});

describe('paths and lessons', () => {
  it('reports a path lesson as completed once the lesson is finished, with answers checked', async () => {
    const lessons = new LessonProgressService(db, () => NOW.getTime());
    await lessons.update({ id: 'first-week', kind: 'step', step: 1, completedStep: 0 });
    const wrong = await lessons.update({
      id: 'first-week',
      kind: 'answer',
      questionId: 'q1',
      choices: ['a'],
    });
    expect(wrong.answers.q1).toEqual({ choices: ['a'], correct: false });
    const right = await lessons.update({
      id: 'first-week',
      kind: 'answer',
      questionId: 'q1',
      choices: ['b', 'a'],
    });
    expect(right.answers.q1?.correct).toBe(true);
    expect((await service.paths())[0]?.lessons).toEqual([
      { id: 'first-week', title: 'First week', completed: false },
    ]);
    await lessons.update({ id: 'first-week', kind: 'complete' });
    expect((await service.paths())[0]?.lessons[0]?.completed).toBe(true);
    expect((await lessons.progress('first-week')).step).toBe(1);
  });

  it('does not complete a lesson below its pass mark; a retry forgets only the wrong answers', async () => {
    const lessons = new LessonProgressService(db, () => NOW.getTime());
    await lessons.update({ id: 'first-week', kind: 'answer', questionId: 'q1', choices: ['c'] });
    const failed = await lessons.update({ id: 'first-week', kind: 'complete' });
    expect(failed.completedAt).toBeUndefined();
    expect(failed.result).toEqual({ right: 0, total: 1, passMark: 80, passed: false });
    expect((await service.paths())[0]?.lessons[0]?.completed).toBe(false);
    const retried = await lessons.update({ id: 'first-week', kind: 'retry' });
    expect(retried.answers).toEqual({});
    expect(retried.result).toBeUndefined();
    await lessons.update({
      id: 'first-week',
      kind: 'answer',
      questionId: 'q1',
      choices: ['a', 'b'],
    });
    const passed = await lessons.update({ id: 'first-week', kind: 'complete' });
    expect(passed.result).toEqual({ right: 1, total: 1, passMark: 80, passed: true });
    expect(passed.completedAt).toBe(NOW.toISOString());
  });

  it('refuses an answer to a question the lesson does not have', async () => {
    await expect(
      new LessonProgressService(db).update({
        id: 'first-week',
        kind: 'answer',
        questionId: 'nope',
        choices: ['a'],
      }),
    ).rejects.toThrow(/no question "nope"/);
  });
});

describe('KnowledgeService.status', () => {
  it('counts apps and items from the starter pack', async () => {
    expect(await service.status()).toEqual({
      apps: 1,
      items: items.length,
      running: false,
      source: 'starter-pack',
    });
  });
});
