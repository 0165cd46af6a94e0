import {
  allowsType,
  collectionPolicy,
  weekOf,
  type AnalyticsLevel,
  type InsightEvent,
  type ParsedEvent,
  type Rejection,
} from '@/lib/insights';
import { encodeEvent, type EncodedEvent } from './event-codec';
import { forwardWeeks, oldestSaltWeek } from './people';
import type { RollupDelta } from './rollups';

/**
 * What storing one batch of events means, decided once for both backends (docs/adr/0006): the raw
 * row of each event and, for each, the effects applied only if that row is actually inserted —
 * rollup counts, person marks, the named learning record, the broken-anchor report, the helpdesk
 * join's record and the failed search's words. Pure: the sender's hashes come in, nothing is read.
 */

/** Who sent the batch, as the server knows it from the token (never stored with usage rows). */
export interface Sender {
  email: string;
  team: string | undefined;
}

/** A distinct-people mark: `person` (a weekly hash) did something of `scope` in `week`. */
export interface PersonMark {
  week: string;
  /** `active:<team>` or `search:<team>`; team `*` for everyone, '' for no team. */
  scope: string;
  person: string;
  day: string;
}

/** A named learning record (lesson, quiz, path), as in an LMS. */
export interface LearningRecordInput {
  email: string;
  team: string;
  day: string;
  type: string;
  /** The lesson or path. */
  subject: string;
  /** The event as received, JSON. */
  body: string;
}

/** A record (ticket…) seen with or without guidance, for the helpdesk join. */
export interface GuidanceInput {
  app: string;
  record: string;
  day: string;
  team: string;
  opened: boolean;
  /** The agent under their week's salt (counting agents per cohort); absent once it is gone. */
  agent: string | undefined;
  agentWeek: string;
}

/** A failed search's words, with the marks that count its distinct people. */
export interface QueryUse {
  text: string;
  app: string;
  screen: string;
  day: string;
  /** One mark per week whose counts this search takes part in (see people.ts). */
  marks: { week: string; person: string }[];
}

export interface RowEffects {
  rollups: RollupDelta[];
  marks: PersonMark[];
  anchor?: { id: string; app: string; screen: string; count: number };
  learning?: LearningRecordInput;
  guidance?: GuidanceInput;
  query?: QueryUse;
}

export interface PlannedRow {
  seq: number;
  encoded: EncodedEvent;
  team: string | undefined;
  effects: RowEffects;
}

export interface BatchPlan {
  rows: PlannedRow[];
  /** Events the server's analytics level does not take. */
  rejected: Rejection[];
}

/** Hashes of the sender under the salts a batch needs, by week (a week without one is gone). */
export type SenderHashes = ReadonlyMap<string, string>;

/** Activity that shows a person using Waymark (what is merely shown to them does not count). */
const ACTIVE_TYPES = new Set<InsightEvent['type']>([
  'suggestion_opened',
  'item_read',
  'search',
  'feedback',
  'tip_dismissed',
  'lesson_step',
  'lesson_completed',
  'quiz_answer',
  'path_completed',
]);

/** The salted weeks a batch needs hashes for on `today`. */
export function weeksNeeded(events: readonly ParsedEvent[], today: string): string[] {
  const weeks = new Set<string>();
  const oldest = oldestSaltWeek(today);
  for (const { event } of events) {
    const week = weekOf(event.day);
    if (week >= oldest) weeks.add(week);
    if (event.type === 'search' && event.query !== undefined)
      for (const week of forwardWeeks(event.day, today)) weeks.add(week);
  }
  return [...weeks].sort();
}

const LEARNING_SUBJECT: Partial<Record<InsightEvent['type'], (e: InsightEvent) => string>> = {
  lesson_step: (e) => (e as { lesson: string }).lesson,
  lesson_completed: (e) => (e as { lesson: string }).lesson,
  quiz_answer: (e) => (e as { lesson: string }).lesson,
  path_completed: (e) => (e as { path: string }).path,
};

function marksFor(event: InsightEvent, team: string, hashes: SenderHashes): PersonMark[] {
  const week = weekOf(event.day);
  const person = hashes.get(week);
  if (person === undefined || !ACTIVE_TYPES.has(event.type)) return [];
  const kinds = event.type === 'search' ? ['active', 'search'] : ['active'];
  return kinds.flatMap((kind) =>
    [team, '*'].map((t) => ({ week, scope: `${kind}:${t}`, person, day: event.day })),
  );
}

export interface PlanContext {
  sender: Sender;
  level: AnalyticsLevel;
  today: string;
  hashes: SenderHashes;
}

/** The plan for a parsed batch: raw rows with their effects, and what the level refuses. */
export function planBatch(events: readonly ParsedEvent[], context: PlanContext): BatchPlan {
  const policy = collectionPolicy({
    level: context.level,
    usageOptedOut: false,
    optOutAllowed: true,
    hasImpactKey: true,
  });
  const rows: PlannedRow[] = [];
  const rejected: Rejection[] = [];
  for (const { index, seq, event } of events) {
    if (!allowsType(policy, event.type)) {
      rejected.push({ index, seq, reason: 'not_allowed' });
      continue;
    }
    rows.push({
      seq,
      encoded: encodeEvent(event),
      team: context.sender.team,
      effects: effectsOf(event, context),
    });
  }
  return { rows, rejected };
}

function effectsOf(event: InsightEvent, context: PlanContext): RowEffects {
  const team = context.sender.team ?? '';
  const effects: RowEffects = {
    rollups: rollupsOf(event, team),
    marks: marksFor(event, team, context.hashes),
  };
  const subject = LEARNING_SUBJECT[event.type];
  if (subject !== undefined)
    effects.learning = {
      email: context.sender.email.toLowerCase(),
      team,
      day: event.day,
      type: event.type,
      subject: subject(event),
      body: JSON.stringify(event),
    };
  if (event.type === 'tip_unresolved')
    effects.anchor = {
      id: event.tip,
      app: event.app,
      // As the anchor-report route has always said it (lib/sync/anchor-reports.ts).
      screen: event.screen ?? 'unknown',
      count: event.count,
    };
  if (event.type === 'record_guidance') {
    const agentWeek = weekOf(event.day);
    effects.guidance = {
      app: event.app,
      record: event.record,
      day: event.day,
      team,
      opened: event.opened,
      agent: context.hashes.get(agentWeek),
      agentWeek,
    };
  }
  if (event.type === 'search' && event.query !== undefined)
    effects.query = {
      text: event.query,
      app: event.app ?? '',
      screen: event.screen ?? '',
      day: event.day,
      marks: forwardWeeks(event.day, context.today).flatMap((week) => {
        const person = context.hashes.get(week);
        return person === undefined ? [] : [{ week, person }];
      }),
    };
  return effects;
}

/** The rollup counts one event adds (and, for a changed answer, takes away). */
export function rollupsOf(event: InsightEvent, team: string): RollupDelta[] {
  const { day } = event;
  switch (event.type) {
    case 'suggestion_shown':
      return itemRollups(event, { shown: event.count });
    case 'suggestion_opened':
      return itemRollups(event, { opened: 1 }, { opened_page: event.source === 'page' ? 1 : 0 });
    case 'item_read':
      return itemRollups(event, { reads: event.count });
    case 'search':
      return searchRollups(event, team);
    case 'feedback':
      return feedbackRollups(event);
    case 'tip_shown':
    case 'tip_dismissed':
    case 'tip_unresolved': {
      const column = {
        tip_shown: 'shown',
        tip_dismissed: 'dismissed',
        tip_unresolved: 'unresolved',
      };
      const count = event.type === 'tip_dismissed' ? 1 : event.count;
      const key = [day, event.app, event.screen ?? '', event.tip];
      return [{ table: 'ins_tip_day', key, add: { [column[event.type]]: count } }];
    }
    default:
      return otherRollups(event, team);
  }
}

/** An item's counts, and the same per screen (only where the event names an app). */
function itemRollups(
  event: { day: string; item: string; app?: string | undefined; screen?: string | undefined },
  add: Record<string, number>,
  itemOnly: Record<string, number> = {},
): RollupDelta[] {
  const deltas: RollupDelta[] = [
    { table: 'ins_item_day', key: [event.day, event.item], add: { ...add, ...itemOnly } },
  ];
  if (event.app !== undefined)
    deltas.push({
      table: 'ins_item_screen_day',
      key: [event.day, event.app, event.screen ?? '', event.item],
      add,
    });
  return deltas;
}

function searchRollups(event: Extract<InsightEvent, { type: 'search' }>, team: string) {
  // A failed session: no result, or nothing opened (the definition).
  const add = { searches: 1, failed: event.opened === undefined ? 1 : 0 };
  const opened = event.opened === undefined ? 0 : 1;
  return [
    {
      table: 'ins_screen_day',
      key: [event.day, event.app ?? '', event.screen ?? ''],
      add: { ...add, opened },
    },
    { table: 'ins_team_day', key: [event.day, team], add: { ...add, opened } },
  ] satisfies RollupDelta[];
}

function feedbackRollups(event: Extract<InsightEvent, { type: 'feedback' }>): RollupDelta[] {
  const answer = (helpful: boolean, reason: string | undefined, n: number): RollupDelta[] => [
    {
      table: 'ins_item_day',
      key: [event.day, event.item],
      add: helpful ? { helpful: n } : { unhelpful: n },
    },
    {
      table: 'ins_feedback_day',
      key: [event.day, event.item, helpful ? 1 : 0, reason ?? ''],
      add: { n },
    },
  ];
  const replaced = event.replaces;
  return [
    ...answer(event.helpful, event.reason, 1),
    ...(replaced === undefined ? [] : answer(replaced.helpful, replaced.reason, -1)),
  ];
}

/** Learning, record views and drops. */
function otherRollups(event: InsightEvent, team: string): RollupDelta[] {
  const { day } = event;
  switch (event.type) {
    case 'lesson_step':
      return [{ table: 'ins_lesson_day', key: [day, event.lesson, event.step], add: { n: 1 } }];
    case 'lesson_completed':
      return [
        {
          table: 'ins_lesson_done_day',
          key: [day, event.lesson],
          add: { n: 1, questions: event.questions, correct: event.correct },
        },
      ];
    case 'quiz_answer': {
      const choice = [...event.choices].sort().join('+');
      const first = event.attempt === 1;
      const correct = event.correct ? 1 : 0;
      const { lesson, question } = event;
      const deltas: RollupDelta[] = [
        {
          table: 'ins_question_day',
          key: [day, lesson, question, choice, first ? 1 : 0],
          add: { n: 1, correct },
        },
      ];
      if (first)
        deltas.push({
          table: 'ins_team_question_day',
          key: [day, team, lesson, question],
          add: { answers: 1, correct },
        });
      return deltas;
    }
    case 'path_completed':
      return [{ table: 'ins_path_day', key: [day, event.path], add: { n: 1 } }];
    case 'record_view': {
      const add = { record_views: event.count, record_views_help: event.help ? event.count : 0 };
      return [{ table: 'ins_screen_day', key: [day, event.app, event.screen ?? ''], add }];
    }
    case 'outbox_dropped':
      return [{ table: 'ins_service_day', key: [day], add: { dropped: event.count } }];
    default:
      return [];
  }
}

/**
 * One mark per (week, scope, person), on its latest day, in the order first seen: a batch comes
 * from one sender, so most of its marks repeat (storing each was a tenth of the ingestion's time).
 */
export function distinctMarks(marks: readonly PersonMark[]): PersonMark[] {
  const byKey = new Map<string, PersonMark>();
  for (const m of marks) {
    const key = `${m.week}\n${m.scope}\n${m.person}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { ...m });
    else if (m.day > seen.day) seen.day = m.day;
  }
  return [...byKey.values()];
}

/** What new marks add to the weekly distinct-people counts. */
export function peopleDeltas(newMarks: readonly PersonMark[]): RollupDelta[] {
  return newMarks.map((mark) => {
    const [kind = '', team = ''] = mark.scope.split(':');
    return { table: 'ins_people_week', key: [mark.week, team, kind], add: { people: 1 } };
  });
}
