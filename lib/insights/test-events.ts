import type { InsightEvent } from './events';

/** Test-only: the day the sample events happened. */
export const day = '2026-06-15';
/** Test-only: one valid event of every type. */
export const sampleEvents: InsightEvent[] = [
  {
    type: 'suggestion_shown',
    v: 1,
    day,
    app: 'zendesk',
    screen: 'ticket',
    item: 'refunds',
    count: 3,
  },
  {
    type: 'suggestion_opened',
    v: 1,
    day,
    hour: 9,
    app: 'zendesk',
    item: 'refunds',
    source: 'page',
    rank: 1,
  },
  { type: 'item_read', v: 1, day, item: 'refunds', count: 1 },
  { type: 'search', v: 1, day, hour: 9, results: '0', ended: 'idle', query: 'merge tickets' },
  { type: 'feedback', v: 1, day, item: 'refunds', helpful: false, reason: 'outdated' },
  { type: 'tip_shown', v: 1, day, app: 'zendesk', screen: 'ticket', tip: 'priority', count: 2 },
  { type: 'tip_dismissed', v: 1, day, app: 'zendesk', tip: 'priority' },
  {
    type: 'tip_unresolved',
    v: 1,
    day,
    app: 'zendesk',
    screen: 'ticket',
    tip: 'priority',
    count: 1,
  },
  { type: 'lesson_step', v: 1, day, lesson: 'triage', step: 0 },
  { type: 'lesson_completed', v: 1, day, lesson: 'triage', questions: 2, correct: 1 },
  {
    type: 'quiz_answer',
    v: 1,
    day,
    lesson: 'triage',
    question: 'q1',
    choices: ['a'],
    correct: false,
    attempt: 1,
  },
  { type: 'path_completed', v: 1, day, path: 'week-1' },
  { type: 'record_view', v: 1, day, app: 'zendesk', screen: 'ticket', help: true, count: 4 },
  {
    type: 'record_guidance',
    v: 1,
    day,
    app: 'zendesk',
    record: 'p0TvI2pHdFiaYlbJBM-9Zw',
    opened: true,
  },
  { type: 'outbox_dropped', v: 1, day, count: 12 },
];
