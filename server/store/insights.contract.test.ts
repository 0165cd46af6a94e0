import { afterEach, describe, expect, it } from 'vitest';
import { addDays, type InsightEvent } from '@/lib/insights';
import { sampleEvents } from '@/lib/insights/test-events';
import { decodeEvent } from '../insights/event-codec';
import { EventIngest } from '../insights/ingest';
import { rollupTables } from '../insights/rollups';
import {
  dumpAll,
  failedSearch,
  installOf,
  learner,
  movableClock,
  rowsOf,
  sendEvents,
} from '../insights/test-support';
import { testBackends, tip, type TempStore } from '../test-fixtures';

const june = (day: number) => `2026-06-${String(day).padStart(2, '0')}`;

/** The insights part of the Store contract (server/store/insight-types.ts), on every backend. */
describe.each(testBackends())('insights Store on $name', (backend) => {
  let env: TempStore;
  const clock = movableClock('2026-06-15T09:30:00.000Z');
  const open = async (at = '2026-06-15T09:30:00.000Z') => {
    clock.set(at);
    env = await backend.open(clock.now);
    return env.store;
  };
  afterEach(() => env.cleanup());

  it('stores each (install, seq) once and adds to the rollups only for rows it inserted', async () => {
    const store = await open();
    const ana = learner('ana@example.com', 'emea');
    const first = await sendEvents(store, ana, sampleEvents);
    expect(first.accepted).toHaveLength(sampleEvents.length);
    const before = await dumpAll(store);
    const again = await sendEvents(store, ana, [
      ...sampleEvents,
      failedSearch(june(15), 'new words'),
    ]);
    expect(again.duplicates).toEqual(sampleEvents.map((_, i) => i + 1));
    expect(again.accepted).toEqual([sampleEvents.length + 1]);
    const after = await dumpAll(store);
    for (const table of Object.keys(rollupTables).filter(
      (t) => !['ins_screen_day', 'ins_team_day', 'ins_query_day', 'ins_query_month'].includes(t),
    ))
      expect(after.get(table), table).toEqual(before.get(table));
    expect(after.get('ins_events')).toHaveLength(sampleEvents.length + 1);
    expect(after.get('learning_records')).toEqual(before.get('learning_records'));
  });

  it('keeps the raw rows lossless: they decode to the events received', async () => {
    const store = await open();
    await sendEvents(store, learner('ana@example.com', 'emea'), sampleEvents);
    const tables = await dumpAll(store);
    const names = new Map(tables.get('ins_names')!.map((r) => [Number(r.id), String(r.name)]));
    const words = new Map(tables.get('ins_queries')!.map((r) => [Number(r.id), String(r.text)]));
    const decoded = tables.get('ins_events')!.map((r) =>
      decodeEvent(
        {
          day: Number(r.day),
          type: Number(r.type),
          f: String(r.f),
          query: r.query == null ? undefined : words.get(Number(r.query)),
        },
        (id) => names.get(id)!,
      ),
    );
    expect(decoded).toEqual(sampleEvents);
  });

  it('holds no user id anywhere but the named learning records', async () => {
    const store = await open();
    await sendEvents(store, learner('Ana.Secret@example.com', 'emea'), sampleEvents);
    for (const [table, rows] of await dumpAll(store)) {
      const text = JSON.stringify(rows);
      // ins_learners numbers the learners of learning_records for the learner sets (and goes
      // with a learner's last record): part of the named learning data, nothing more.
      if (table === 'learning_records' || table === 'ins_learners')
        expect(text).toContain('ana.secret@example.com');
      else if (table !== 'users' && table !== 'audit_log')
        expect(text, table).not.toMatch(/ana\.secret/i);
    }
    expect((await store.learningRecordsOf('ANA.SECRET@example.com')).map((r) => r.type)).toEqual([
      'lesson_step',
      'lesson_completed',
      'quiz_answer',
      'path_completed',
    ]);
  });

  it('counts a query’s distinct people across weekly salts: five people over three weeks show it, one person five times does not', async () => {
    const store = await open('2026-06-01T10:00:00.000Z');
    const ingest = new EventIngest(store);
    const type = async (person: number, day: string, words: string, seq: number) => {
      clock.set(`${day}T10:00:00.000Z`);
      await sendEvents(store, learner(`p${person}@example.com`), [failedSearch(day, words)], {
        install: installOf(person),
        firstSeq: seq,
        ingest,
      });
    };
    // Five people, a week or more apart (2026-06-01 and 06-08 and 06-15 are Mondays).
    await type(1, june(1), 'refund for jane', 1);
    await type(2, june(3), 'refund for jane', 1);
    await type(3, june(9), 'refund for jane', 1);
    await type(4, june(16), 'refund for jane', 1);
    // One person typing other words every week: one person, however often.
    for (const [i, day] of [june(2), june(9), june(16), june(17), june(18)].entries())
      await type(9, day, 'merge tickets', 10 + i);
    const range = { from: june(1), to: june(18) };
    expect(await store.insights.visibleQueries(range, 3)).toMatchObject([
      { query: 'refund for jane', people: 4 },
    ]);
    expect(await store.insights.visibleQueries(range, 5)).toEqual([]);
    await type(5, june(18), 'refund for jane', 1);
    expect(await store.insights.visibleQueries(range, 5)).toMatchObject([
      { query: 'refund for jane', people: 5, searches: 5 },
    ]);
  });

  it('does not count people whose searches are older than the 30-day window', async () => {
    const store = await open('2026-06-01T10:00:00.000Z');
    const ingest = new EventIngest(store);
    for (const [person, day] of [
      [1, june(1)],
      [2, june(1)],
      [3, june(2)],
      [4, '2026-07-01'],
      [5, '2026-07-02'],
    ] as const) {
      clock.set(`${day}T10:00:00.000Z`);
      await sendEvents(
        store,
        learner(`p${person}@example.com`),
        [failedSearch(day, 'sla breach')],
        { install: installOf(person), ingest },
      );
    }
    // On 07-02 the window starts 06-03: people 1–3 are out of it. Three at most at once.
    const range = { from: june(1), to: '2026-07-02' };
    expect(await store.insights.visibleQueries(range, 5)).toEqual([]);
    expect(await store.insights.visibleQueries(range, 4)).toEqual([]);
    expect(await store.insights.visibleQueries(range, 3)).toMatchObject([
      { query: 'sla breach', people: 3 },
    ]);
  });

  it('feeds broken tips of live items into the owners’ anchor reports', async () => {
    const store = await open();
    await store.upsertItem(tip('priority'), 'ops');
    const broken = (count: number, screen?: string): InsightEvent => ({
      type: 'tip_unresolved',
      v: 1,
      day: june(15),
      app: 'zendesk',
      tip: 'priority',
      count,
      ...(screen ? { screen } : {}),
    });
    await sendEvents(store, learner('a@example.com'), [
      broken(2, 'ticket'),
      broken(1),
      { ...broken(4, 'ticket'), tip: 'not-on-server' } as InsightEvent,
    ]);
    expect((await store.anchorReports()).map((r) => [r.id, r.screen, r.count])).toEqual([
      ['priority', 'ticket', 2],
      ['priority', 'unknown', 1],
    ]);
  });

  it('changes settings and gap states with an audit row for each change', async () => {
    const store = await open();
    expect(await store.insightSettings()).toEqual({ query_k: 5, analytics: 'impact' });
    const next = await store.putInsightSettings(
      { query_k: 3, analytics: 'learning' },
      'admin@example.com',
    );
    expect(next).toEqual({ query_k: 3, analytics: 'learning' });
    expect(await store.putInsightSettings({ query_k: 3 }, 'admin@example.com')).toEqual(next);
    const gap = await store.setGapState(
      { app: 'zendesk', screen: 'ticket', status: 'dismissed', item: undefined },
      'author@example.com',
    );
    expect(gap).toMatchObject({
      status: 'dismissed',
      updated_by: 'author@example.com',
      updated_at: '2026-06-15T09:30:00.000Z',
    });
    expect(
      (await store.queryAudit({ action: 'insights', limit: 10 })).entries.map((e) => e.comment),
    ).toEqual([
      'gap zendesk/ticket: open → dismissed',
      'analytics level: impact → learning',
      'query threshold: 5 → 3',
    ]);
    expect(await store.gapStates()).toMatchObject([
      { app: 'zendesk', screen: 'ticket', status: 'dismissed' },
    ]);
  });

  it('joins a helpdesk export on the record hash and keeps no hash or id', async () => {
    const store = await open();
    const guidance = (record: string, opened: boolean): InsightEvent => ({
      type: 'record_guidance',
      v: 1,
      day: june(15),
      app: 'zendesk',
      record,
      opened,
    });
    await sendEvents(store, learner('agent@example.com', 'tier1'), [
      guidance('AAAAAAAAAAAAAAAAAAAAAA', true),
      guidance('BBBBBBBBBBBBBBBBBBBBBB', false),
    ]);
    const ticket = (record: string, minutes: number) => ({
      app: 'zendesk',
      record,
      day: june(16),
      team: 'tier2',
      resolution_minutes: minutes,
      reopens: 0,
      replies: 2,
    });
    const summary = await store.importHelpdesk(
      [
        ticket('AAAAAAAAAAAAAAAAAAAAAA', 30),
        ticket('BBBBBBBBBBBBBBBBBBBBBB', 60),
        ticket('CCCCCCCCCCCCCCCCCCCCCC', 90),
      ],
      { actor: 'admin@example.com', skipped: 1, problems: ['line 5: no ticket id'] },
    );
    expect(summary).toMatchObject({
      tickets: 3,
      matched: 2,
      guidance: 1,
      no_guidance: 1,
      skipped: 1,
    });
    const rows = await rowsOf(store, 'ins_helpdesk_tickets');
    expect(rows.map((r) => [r.cohort, r.team, r.resolution])).toEqual([
      ['guidance', 'tier1', 30],
      ['no_guidance', 'tier1', 60],
      ['unmatched', 'tier2', 90],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/AAAA|BBBB|CCCC/);
    expect(await store.helpdeskImports()).toEqual([summary]);
  });

  it('gives one salt per week, made once, and none for a week already deleted', async () => {
    const store = await open();
    const first = await store.weekSalts(['2026-06-15', '2026-06-22'], '2026-06-08');
    const again = await store.weekSalts(['2026-06-15', '2026-06-01'], '2026-06-08');
    expect(again.get('2026-06-15')).toBe(first.get('2026-06-15'));
    expect(again.has('2026-06-01')).toBe(false);
  });

  it('deletes on schedule: raw events after 90 days, lone words after 30, salts after their week', async () => {
    const store = await open('2026-03-02T10:00:00.000Z');
    const ingest = new EventIngest(store);
    let seq = 0;
    const send = async (day: string, person: number, words: string) => {
      clock.set(`${day}T10:00:00.000Z`);
      seq += 1;
      await sendEvents(store, learner(`p${person}@example.com`), [failedSearch(day, words)], {
        install: installOf(person),
        firstSeq: seq,
        ingest,
      });
    };
    await send('2026-03-02', 1, 'old words');
    for (const person of [1, 2, 3, 4, 5]) await send('2026-05-04', person, 'common words');
    await send('2026-05-05', 6, 'lone words');
    await send('2026-06-15', 6, 'fresh words');
    expect(await store.pruneInsights('2026-06-15')).toMatchObject({
      raw_events: 1, // 2026-03-02 is before 2026-03-17
      query_words: 2, // "old words" and "lone words", never typed by 5 people and not for 30 days
    });
    const texts = (await rowsOf(store, 'ins_queries')).map((r) => r.text).sort();
    expect(texts).toEqual(['common words', 'fresh words']);
    const weeks = (await rowsOf(store, 'ins_salts')).map((r) => String(r.week));
    expect(weeks.every((w) => w >= '2026-06-08')).toBe(true);
    expect((await rowsOf(store, 'ins_marks')).every((r) => String(r.week) >= '2026-06-08')).toBe(
      true,
    );
    // The raw rows of the lone words keep their 90 days, without the words.
    const lone = (await rowsOf(store, 'ins_events')).filter((r) => Number(r.day) === 20578);
    expect(lone.map((r) => r.query)).toEqual([null]);
    expect(await store.pruneInsights(addDays('2026-06-15', 0))).toMatchObject({
      raw_events: 0,
      query_words: 0,
    });
  });
});
