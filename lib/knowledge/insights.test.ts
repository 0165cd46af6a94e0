import { beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '@/lib/context';
import { ensureStarterContent, peekEvents, type WaymarkDatabase } from '@/lib/db';
import { testDatabase } from '@/lib/db/test-support';
import {
  collectionPolicy,
  hashRecord,
  type AnalyticsLevel,
  type InsightEvent,
} from '@/lib/insights';
import { InsightRecorder } from './insights';
import { LessonProgressService } from './lessons';
import { KnowledgeService } from './service';
import { memoryTabPages, type TabPages } from './tab-pages';
import { deskBundle, NOW } from './test-fixture';

const KEY = 'an-organisation-key-of-32-chars!';
const day = '2026-11-28';
let db: WaymarkDatabase;
let tabs: TabPages;
let level: AnalyticsLevel;
let optedOut: boolean;

beforeEach(async () => {
  db = testDatabase();
  tabs = memoryTabPages();
  [level, optedOut] = ['impact', false];
  await ensureStarterContent(db, deskBundle, { reason: 'install' });
});

const recorder = () =>
  new InsightRecorder(
    db,
    tabs,
    () =>
      Promise.resolve({
        policy: collectionPolicy({
          level,
          usageOptedOut: optedOut,
          optOutAllowed: true,
          hasImpactKey: true,
        }),
        impactKey: KEY,
      }),
    () => NOW.getTime(),
  );
const queued = async (): Promise<InsightEvent[]> => (await peekEvents(db, 100)).map((r) => r.event);
const page = (record = '4711', context: Record<string, string> = {}): Detection => ({
  app: 'desk',
  screen: 'ticket',
  record: { type: 'ticket', id: record },
  context,
});

describe('InsightRecorder', () => {
  it('names the app and screen of the panel’s tab for shown and opened items, with rank and hour', async () => {
    await tabs.set(1, page());
    const r = recorder();
    await r.panel({
      kind: 'shown',
      tabId: 1,
      items: ['refund-orders', 'merge-tickets', 'refund-orders'],
    });
    await r.panel({ kind: 'opened', tabId: 1, item: 'merge-tickets', source: 'page', rank: 2 });
    const where = { v: 1, day, app: 'desk', screen: 'ticket' };
    const record = await hashRecord(KEY, { app: 'desk', type: 'ticket', id: '4711' });
    expect(await queued()).toEqual([
      { type: 'suggestion_shown', ...where, item: 'refund-orders', count: 1 },
      { type: 'suggestion_shown', ...where, item: 'merge-tickets', count: 1 },
      {
        type: 'suggestion_opened',
        ...where,
        hour: 12,
        item: 'merge-tickets',
        source: 'page',
        rank: 2,
      },
      { type: 'record_guidance', v: 1, day, app: 'desk', record, opened: true },
    ]);
  });

  it('starts a record’s guidance row unopened and marks it opened when guidance is opened there', async () => {
    const knowledge = new KnowledgeService(db, tabs, () => NOW, recorder());
    await knowledge.pageDetected(5, page());
    await recorder().panel({
      kind: 'opened',
      tabId: 5,
      item: 'refund-orders',
      source: 'search',
      rank: 1,
    });
    const guidance = (await queued()).filter((e) => e.type === 'record_guidance');
    expect(guidance).toEqual([expect.objectContaining({ opened: true })]);
  });

  it('records searches: the scrubbed words of a failed one, none for one that opened a result', async () => {
    const r = recorder();
    await r.panel({
      kind: 'search',
      outcome: { query: 'VAT id 12345 for bob@acme.com', results: 0, ended: 'idle' },
    });
    await r.panel({
      kind: 'search',
      outcome: { query: 'refund', results: 3, opened: 1, ended: 'open' },
    });
    expect(await queued()).toEqual([
      { type: 'search', v: 1, day, hour: 12, results: '0', ended: 'idle', query: 'vat id # for' },
      { type: 'search', v: 1, day, hour: 12, results: '2-5', opened: 1, ended: 'open' },
    ]);
  });

  it('records nothing at policy off, and no usage but learning records when the user opted out', async () => {
    level = 'off';
    await recorder().panel({ kind: 'read', item: 'refund-orders' });
    expect(await queued()).toEqual([]);
    [level, optedOut] = ['learning', true];
    await recorder().panel({ kind: 'read', item: 'refund-orders' });
    await new LessonProgressService(db, () => NOW.getTime(), recorder()).update({
      id: 'first-week',
      kind: 'step',
      step: 1,
      completedStep: 0,
    });
    expect(await queued()).toEqual([
      { type: 'lesson_step', v: 1, day, lesson: 'first-week', step: 0 },
    ]);
  });

  it('sends no record hash below policy impact', async () => {
    level = 'learning';
    await new KnowledgeService(db, tabs, () => NOW, recorder()).pageDetected(5, page());
    expect((await queued()).map((e) => e.type)).toEqual(['record_view']);
  });

  it('never queues page content, URLs or record ids (canary)', async () => {
    const canary = 'CANARY-7f3a9c1e';
    const r = recorder();
    const knowledge = new KnowledgeService(db, tabs, () => NOW, r);
    const detection = page(`${canary}-4711`, {
      subject: `Refund for ${canary} https://acme.example/${canary}`,
    });
    await knowledge.pageDetected(9, detection);
    await knowledge.tipsShown(9, ['priority-tip']);
    await knowledge.tipOpened(9, 'priority-tip');
    await knowledge.tipUnresolved('priority-tip', 'desk', 'ticket');
    await knowledge.vote('refund-orders', false, 'unclear');
    await r.panel({ kind: 'shown', tabId: 9, items: ['refund-orders'] });
    await r.panel({ kind: 'opened', tabId: 9, item: 'refund-orders', source: 'page', rank: 1 });
    await r.panel({ kind: 'read', tabId: 9, item: 'refund-orders' });
    await r.panel({
      kind: 'search',
      tabId: 9,
      outcome: { query: `${canary} refund`, results: 0, ended: 'close' },
    });
    const stored = JSON.stringify(await peekEvents(db, 100));
    expect((await queued()).length).toBeGreaterThanOrEqual(9);
    expect(stored.toLowerCase()).not.toContain('canary');
    expect(stored).not.toContain('7f3a9c1e');
    expect(stored).not.toContain('acme.example');
  });
});

describe('LessonProgressService learning records', () => {
  const lessons = () => new LessonProgressService(db, () => NOW.getTime(), recorder());
  const answer = (choices: string[]) =>
    lessons().update({ id: 'first-week', kind: 'answer', questionId: 'q1', choices });

  it('records each step finished the first time only', async () => {
    await lessons().update({ id: 'first-week', kind: 'step', step: 1, completedStep: 0 });
    await lessons().update({ id: 'first-week', kind: 'step', step: 0 });
    await lessons().update({ id: 'first-week', kind: 'step', step: 1, completedStep: 0 });
    expect(await queued()).toEqual([
      { type: 'lesson_step', v: 1, day, lesson: 'first-week', step: 0 },
    ]);
  });

  it('records every answer with its attempt, counting on after a restart', async () => {
    await answer(['a']);
    await answer(['a', 'b']);
    await lessons().update({ id: 'first-week', kind: 'restart' });
    await answer(['b', 'a']);
    const answers = (await queued()).flatMap((e) =>
      e.type === 'quiz_answer' ? [[e.choices, e.correct, e.attempt]] : [],
    );
    expect(answers).toEqual([
      [['a'], false, 1],
      [['a', 'b'], true, 2],
      [['b', 'a'], true, 3],
    ]);
  });

  it('records a completion only once the check passes, with its score once, and the path it completes', async () => {
    await answer(['c']);
    // Below the pass mark: the lesson is not complete, so nothing is recorded.
    await lessons().update({ id: 'first-week', kind: 'complete' });
    expect((await queued()).filter((e) => e.type !== 'quiz_answer')).toEqual([]);
    await lessons().update({ id: 'first-week', kind: 'retry' });
    await answer(['a', 'b']);
    await lessons().update({ id: 'first-week', kind: 'complete' });
    await lessons().update({ id: 'first-week', kind: 'complete' });
    const done = (await queued()).filter((e) => e.type !== 'quiz_answer');
    expect(done).toEqual([
      { type: 'lesson_completed', v: 1, day, lesson: 'first-week', questions: 1, correct: 1 },
      { type: 'path_completed', v: 1, day, path: 'week-one' },
    ]);
  });
});
