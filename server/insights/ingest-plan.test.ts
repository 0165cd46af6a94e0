import { describe, expect, it } from 'vitest';
import type { InsightEvent, ParsedEvent } from '@/lib/insights';
import { sampleEvents } from '@/lib/insights/test-events';
import { planBatch, rollupsOf, weeksNeeded, type PlanContext } from './ingest-plan';

const today = '2026-06-15';
const parsed = (events: InsightEvent[]): ParsedEvent[] =>
  events.map((event, i) => ({ index: i, seq: i + 1, event }));
const context = (level: PlanContext['level'] = 'impact'): PlanContext => ({
  sender: { email: 'Ana@example.com', team: 'emea' },
  level,
  today,
  hashes: new Map([
    ['2026-06-15', 'hash-this-week'],
    ['2026-06-22', 'hash-next-week'],
  ]),
});
const search = (fields: Partial<Extract<InsightEvent, { type: 'search' }>>): InsightEvent => ({
  type: 'search',
  v: 1,
  day: today,
  hour: 9,
  results: '0',
  ended: 'idle',
  ...fields,
});

describe('planBatch', () => {
  it('rejects by index what the server level does not take and plans the rest', () => {
    const plan = planBatch(parsed(sampleEvents), context('aggregate'));
    const rejected = plan.rejected.map((r) => sampleEvents[r.index]!.type);
    expect(rejected).toEqual([
      'lesson_step',
      'lesson_completed',
      'quiz_answer',
      'path_completed',
      'record_guidance',
    ]);
    expect(plan.rejected.every((r) => r.reason === 'not_allowed' && r.seq === r.index + 1)).toBe(
      true,
    );
    expect(plan.rows).toHaveLength(sampleEvents.length - 5);
  });

  it('plans nothing at all at level off', () => {
    const plan = planBatch(parsed(sampleEvents), context('off'));
    expect(plan.rows).toEqual([]);
    expect(plan.rejected).toHaveLength(sampleEvents.length);
  });

  it('names learning records after the sender and gives usage rows only the team', () => {
    const plan = planBatch(parsed(sampleEvents), context());
    const named = plan.rows.filter((r) => r.effects.learning !== undefined);
    expect(named.map((r) => r.effects.learning!.type)).toEqual([
      'lesson_step',
      'lesson_completed',
      'quiz_answer',
      'path_completed',
    ]);
    expect(named.every((r) => r.effects.learning!.email === 'ana@example.com')).toBe(true);
    expect(JSON.stringify(plan.rows.map((r) => r.encoded))).not.toMatch(/ana@example/i);
    expect(plan.rows.every((r) => r.team === 'emea')).toBe(true);
  });

  it('marks active people this week for what a person did, not for what was only shown to them', () => {
    const plan = planBatch(parsed(sampleEvents), context());
    const marked = plan.rows.filter((r) => r.effects.marks.length > 0).map((r) => r.encoded.type);
    const shown = plan.rows.find((r) => r.seq === 1)!; // suggestion_shown
    expect(shown.effects.marks).toEqual([]);
    expect(marked.length).toBeGreaterThan(0);
    const searchRow = plan.rows.find((r) => r.seq === 4)!;
    expect(searchRow.effects.marks.map((m) => m.scope).sort()).toEqual([
      'active:*',
      'active:emea',
      'search:*',
      'search:emea',
    ]);
  });

  it('marks a failed search’s words under every salted week its windows reach', () => {
    const plan = planBatch(parsed([search({ query: 'merge tickets' })]), context());
    expect(plan.rows[0]!.effects.query).toEqual({
      text: 'merge tickets',
      app: '',
      screen: '',
      day: today,
      // Only the weeks with a hash (the others' salts were not given): this week and next.
      marks: [
        { week: '2026-06-15', person: 'hash-this-week' },
        { week: '2026-06-22', person: 'hash-next-week' },
      ],
    });
  });

  it('sends a broken tip to the owner’s report, screen "unknown" when none was recognised', () => {
    const tip: InsightEvent = {
      type: 'tip_unresolved',
      v: 1,
      day: today,
      app: 'zendesk',
      tip: 'priority',
      count: 3,
    };
    expect(planBatch(parsed([tip]), context()).rows[0]!.effects.anchor).toEqual({
      id: 'priority',
      app: 'zendesk',
      screen: 'unknown',
      count: 3,
    });
  });
});

describe('rollupsOf', () => {
  it('counts a search as failed when nothing was opened, whatever the results', () => {
    const failed = rollupsOf(search({ results: '6-10' }), 'emea');
    const opened = rollupsOf(search({ results: '1', opened: 1, ended: 'open' }), 'emea');
    expect(failed[0]).toMatchObject({
      table: 'ins_screen_day',
      add: { searches: 1, failed: 1, opened: 0 },
    });
    expect(opened[0]).toMatchObject({ add: { searches: 1, failed: 0, opened: 1 } });
    expect(opened[1]).toMatchObject({ table: 'ins_team_day', key: [today, 'emea'] });
  });

  it('takes back the answer a changed vote replaces', () => {
    const changed: InsightEvent = {
      type: 'feedback',
      v: 1,
      day: today,
      item: 'refunds',
      helpful: true,
      reason: 'clear',
      replaces: { helpful: false, reason: 'outdated' },
    };
    expect(rollupsOf(changed, '')).toEqual([
      { table: 'ins_item_day', key: [today, 'refunds'], add: { helpful: 1 } },
      { table: 'ins_feedback_day', key: [today, 'refunds', 1, 'clear'], add: { n: 1 } },
      { table: 'ins_item_day', key: [today, 'refunds'], add: { unhelpful: -1 } },
      { table: 'ins_feedback_day', key: [today, 'refunds', 0, 'outdated'], add: { n: -1 } },
    ]);
  });

  it('counts an item per screen only where the event names an app', () => {
    const read: InsightEvent = { type: 'item_read', v: 1, day: today, item: 'refunds', count: 2 };
    expect(rollupsOf(read, '').map((d) => d.table)).toEqual(['ins_item_day']);
    expect(
      rollupsOf({ ...read, app: 'zendesk', screen: 'ticket' }, '').map((d) => d.table),
    ).toEqual(['ins_item_day', 'ins_item_screen_day']);
  });
});

describe('weeksNeeded', () => {
  it('asks for the event’s own week and, for words, the weeks ahead', () => {
    expect(weeksNeeded(parsed([search({ query: 'merge tickets' })]), today)).toHaveLength(5);
    expect(weeksNeeded(parsed([search({})]), today)).toEqual(['2026-06-15']);
    // A late event from a week whose salt is gone: none.
    expect(weeksNeeded(parsed([search({ day: '2026-05-01' })]), today)).toEqual([]);
  });
});
