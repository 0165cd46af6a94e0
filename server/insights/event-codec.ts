import {
  EVENT_VERSION,
  helpfulReasons,
  openSources,
  resultBuckets,
  searchEnds,
  unhelpfulReasons,
  type InsightEvent,
  type InsightEventType,
} from '@/lib/insights';
import { daysBetween, addDays } from '@/lib/insights';

/**
 * How a raw event is stored: a few integer columns and one short text of positional fields, so a
 * year of events stays small on disk (≤ 80 bytes an event, `npm run bench:insights`). Slugs are
 * stored as ids of a names table the store keeps; enums as their index; booleans as 0/1. The
 * failed search's words are not in here: they live in their own table (retention deletes them
 * after 30 days while the raw row stays 90), referenced by the row's `query` column.
 *
 * Append only: a type code or a layout never changes meaning. A new event version gets a new code.
 */
export const EPOCH_DAY = '1970-01-01';

/** The day as a number of days since 1970-01-01 (2 bytes in SQLite instead of 10). */
export const dayNumber = (day: string): number => daysBetween(EPOCH_DAY, day);
export const dayOfNumber = (n: number): string => addDays(EPOCH_DAY, n);

/** One field of a layout: where it sits in the event and how it is written. */
type Kind = 'name' | 'int' | 'bool' | 'names' | 'text' | readonly string[];
type Field = readonly [path: string, kind: Kind];

const reasons = [...helpfulReasons, ...unhelpfulReasons] as const;
const where = [
  ['app', 'name'],
  ['screen', 'name'],
] as const satisfies readonly Field[];

/** Per event type (version 1): its code and the fields after `type`, `v` and `day`. */
export const layouts: {
  readonly [T in InsightEventType]: { code: number; fields: readonly Field[] };
} = {
  suggestion_shown: { code: 1, fields: [...where, ['item', 'name'], ['count', 'int']] },
  suggestion_opened: {
    code: 2,
    fields: [['hour', 'int'], ...where, ['item', 'name'], ['source', openSources], ['rank', 'int']],
  },
  item_read: { code: 3, fields: [...where, ['item', 'name'], ['count', 'int']] },
  search: {
    code: 4,
    fields: [
      ['hour', 'int'],
      ...where,
      ['results', resultBuckets],
      ['opened', 'int'],
      ['ended', searchEnds],
    ],
  },
  feedback: {
    code: 5,
    fields: [
      ['item', 'name'],
      ['helpful', 'bool'],
      ['reason', reasons],
      ['replaces.helpful', 'bool'],
      ['replaces.reason', reasons],
    ],
  },
  tip_shown: { code: 6, fields: [...where, ['tip', 'name'], ['count', 'int']] },
  tip_dismissed: { code: 7, fields: [...where, ['tip', 'name']] },
  tip_unresolved: { code: 8, fields: [...where, ['tip', 'name'], ['count', 'int']] },
  lesson_step: {
    code: 9,
    fields: [
      ['lesson', 'name'],
      ['step', 'int'],
    ],
  },
  lesson_completed: {
    code: 10,
    fields: [
      ['lesson', 'name'],
      ['questions', 'int'],
      ['correct', 'int'],
    ],
  },
  quiz_answer: {
    code: 11,
    fields: [
      ['lesson', 'name'],
      ['question', 'name'],
      ['choices', 'names'],
      ['correct', 'bool'],
      ['attempt', 'int'],
    ],
  },
  path_completed: { code: 12, fields: [['path', 'name']] },
  record_view: { code: 13, fields: [...where, ['help', 'bool'], ['count', 'int']] },
  record_guidance: {
    code: 14,
    fields: [
      ['app', 'name'],
      ['record', 'text'],
      ['opened', 'bool'],
    ],
  },
  outbox_dropped: { code: 15, fields: [['count', 'int']] },
};

const typeByCode = new Map(
  Object.entries(layouts).map(([type, layout]) => [layout.code, type as InsightEventType]),
);

/** A field as it is about to be stored: a slug (or slugs) still to be turned into ids. */
export type Encoded = number | string | { name: string } | { names: string[] } | undefined;

function read(event: InsightEvent, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], event);
}

function encodeValue(value: unknown, kind: Kind): Encoded {
  if (value === undefined) return undefined;
  if (kind === 'name') return { name: value as string };
  if (kind === 'names') return { names: value as string[] };
  if (kind === 'bool') return value === true ? 1 : 0;
  if (kind === 'int' || kind === 'text') return value as number | string;
  return kind.indexOf(value as string);
}

export interface EncodedEvent {
  day: number;
  type: number;
  fields: Encoded[];
  /** The failed search's words, stored apart. */
  query: string | undefined;
}

export function encodeEvent(event: InsightEvent): EncodedEvent {
  const layout = layouts[event.type];
  return {
    day: dayNumber(event.day),
    type: layout.code,
    fields: layout.fields.map(([path, kind]) => encodeValue(read(event, path), kind)),
    query: event.type === 'search' ? event.query : undefined,
  };
}

/** Every slug an encoded event names (to look up or add in the names table). */
export function namesOf(encoded: EncodedEvent): string[] {
  return encoded.fields.flatMap((f) =>
    typeof f === 'object' ? ('name' in f ? [f.name] : f.names) : [],
  );
}

/** The stored text: fields joined by commas, slugs as their ids, a list as ids joined by '+'. */
export function formatFields(fields: readonly Encoded[], idOf: (name: string) => number): string {
  return fields
    .map((f) => {
      if (f === undefined) return '';
      if (typeof f !== 'object') return String(f);
      return 'name' in f ? String(idOf(f.name)) : f.names.map(idOf).join('+');
    })
    .join(',');
}

function decodeValue(text: string, kind: Kind, nameOf: (id: number) => string): unknown {
  if (text === '') return undefined;
  if (kind === 'name') return nameOf(Number(text));
  if (kind === 'names') return text.split('+').map((id) => nameOf(Number(id)));
  if (kind === 'bool') return text === '1';
  if (kind === 'int') return Number(text);
  if (kind === 'text') return text;
  return kind[Number(text)];
}

function assign(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, rest] = path.split('.') as [string, string | undefined];
  if (rest === undefined) target[head] = value;
  else target[head] = { ...(target[head] as object | undefined), [rest]: value };
}

/** A stored row back to its event (the words, when still kept, given as `query`). */
export function decodeEvent(
  row: { day: number; type: number; f: string; query?: string | undefined },
  nameOf: (id: number) => string,
): InsightEvent {
  const type = typeByCode.get(row.type);
  if (type === undefined) throw new Error(`unknown event code ${row.type}`);
  const event: Record<string, unknown> = { type, v: EVENT_VERSION, day: dayOfNumber(row.day) };
  const texts = row.f.split(',');
  layouts[type].fields.forEach(([path, kind], i) => {
    const value = decodeValue(texts[i] ?? '', kind, nameOf);
    if (value !== undefined) assign(event, path, value);
  });
  if (row.query !== undefined) event.query = row.query;
  return event as InsightEvent;
}
