import { beforeEach, describe, expect, it } from 'vitest';
import {
  dismissTip,
  ensureStarterContent,
  peekEvents,
  setSetting,
  type WaymarkDatabase,
} from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import { collectionPolicy } from '@/lib/insights';
import { InsightRecorder } from './insights';
import { LessonProgressService } from './lessons';
import { KnowledgeService } from './service';
import { memoryTabPages } from './tab-pages';
import { deskBundle, items, NOW, ticket } from './test-fixture';

let db: WaymarkDatabase;
let service: KnowledgeService;
beforeEach(async () => {
  db = testDatabase();
  await ensureStarterContent(db, deskBundle, { reason: 'install' });
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
  const everything = collectionPolicy({
    level: 'aggregate',
    usageOptedOut: false,
    optOutAllowed: true,
    hasImpactKey: false,
  });
  const recording = () => {
    const tabs = memoryTabPages();
    const recorder = new InsightRecorder(
      db,
      tabs,
      () => Promise.resolve({ policy: everything }),
      () => NOW.getTime(),
    );
    return { tabs, knowledge: new KnowledgeService(db, tabs, () => NOW, recorder) };
  };
  const queued = async () => (await peekEvents(db, 10)).map((row) => row.event);

  it('returns an item with its vote, and opening it records nothing by itself', async () => {
    await service.vote('refund-orders', true);
    const view = await service.item('refund-orders');
    expect(view?.vote).toBe(true);
    expect(await peekEvents(db, 10)).toEqual([]);
  });

  it('does not return a draft', async () => {
    expect(await service.item('draft-refund')).toBeNull();
  });

  it('records a vote, then a changed vote as replacing it, with the reason', async () => {
    const { knowledge } = recording();
    await knowledge.vote('refund-orders', true);
    await peekEvents(db, 10).then((rows) =>
      db.outbox.bulkPut(rows.map((r) => ({ seq: r.seq, event: r.event, sealed: 1 as const }))),
    );
    await knowledge.vote('refund-orders', false, 'outdated');
    expect(await queued()).toEqual([
      { type: 'feedback', v: 1, day: '2026-11-28', item: 'refund-orders', helpful: true },
      {
        type: 'feedback',
        v: 1,
        day: '2026-11-28',
        item: 'refund-orders',
        helpful: false,
        reason: 'outdated',
        replaces: { helpful: true },
      },
    ]);
  });

  it('records tips shown, opened and dismissed with the app and screen of the sender tab', async () => {
    const { tabs, knowledge } = recording();
    await tabs.set(7, ticket('Refund for Jane Doe'));
    expect(await knowledge.tipsShown(7, ['priority-tip', 'refund-orders', 'no-such-item'])).toEqual(
      { counted: 1 },
    );
    await knowledge.tipOpened(7, 'priority-tip');
    await knowledge.dismissTip('priority-tip', 7);
    const where = { v: 1, day: '2026-11-28', app: 'desk', screen: 'ticket' };
    expect(await queued()).toEqual([
      { type: 'tip_shown', ...where, tip: 'priority-tip', count: 1 },
      { type: 'suggestion_opened', ...where, hour: 12, item: 'priority-tip', source: 'tip' },
      { type: 'tip_dismissed', ...where, tip: 'priority-tip' },
    ]);
  });

  it('folds repeats of an unresolved tip on the same screen into one event with a count', async () => {
    const { knowledge } = recording();
    for (let view = 0; view < 3; view++)
      await knowledge.tipUnresolved('priority-tip', 'desk', 'ticket');
    await knowledge.tipUnresolved('priority-tip', 'desk', null);
    expect((await queued()).map((e) => e.type === 'tip_unresolved' && [e.screen, e.count])).toEqual(
      [
        ['ticket', 3],
        [undefined, 1],
      ],
    );
  });

  it('records one record view per record a tab opens, on a screen with help', async () => {
    const { knowledge } = recording();
    await knowledge.pageDetected(3, ticket());
    await knowledge.pageDetected(3, ticket('subject typed later'));
    await knowledge.pageDetected(3, { ...ticket(), record: { type: 'ticket', id: '2' } });
    expect(await queued()).toEqual([
      {
        type: 'record_view',
        v: 1,
        day: '2026-11-28',
        app: 'desk',
        screen: 'ticket',
        help: true,
        count: 2,
      },
    ]);
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
