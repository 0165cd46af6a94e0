/**
 * The daily rollups: counts per day (or week) and a few dimensions, each shaped for the views that
 * read it, so a year of events is read from tens of thousands of rows rather than millions. Both
 * backends create these tables in their migrations with exactly these columns and upsert them
 * from this description (`count = count + excluded.count`), only for events actually inserted.
 *
 * Text keys hold slugs; '' stands for "none" (no app, no screen, no team, no reason).
 */
export const rollupTables = {
  /** Gaps, failed-search rate, self-serve rate and coverage per screen. */
  ins_screen_day: {
    keys: [
      ['day', 'text'],
      ['app', 'text'],
      ['screen', 'text'],
    ],
    values: ['searches', 'failed', 'opened', 'record_views', 'record_views_help'],
  },
  /** Searching per team (Teams). */
  ins_team_day: {
    keys: [
      ['day', 'text'],
      ['team', 'text'],
    ],
    values: ['searches', 'failed', 'opened'],
  },
  /** Usage of each item (Content). */
  ins_item_day: {
    keys: [
      ['day', 'text'],
      ['item', 'text'],
    ],
    values: ['shown', 'opened', 'opened_page', 'reads', 'helpful', 'unhelpful'],
  },
  /** Usage of each item on each screen (the side panel's "this screen"). */
  ins_item_screen_day: {
    keys: [
      ['day', 'text'],
      ['app', 'text'],
      ['screen', 'text'],
      ['item', 'text'],
    ],
    values: ['shown', 'opened', 'reads'],
  },
  /** "Was this helpful?" per answer and reason ('' when none was given). */
  ins_feedback_day: {
    keys: [
      ['day', 'text'],
      ['item', 'text'],
      ['helpful', 'int'],
      ['reason', 'text'],
    ],
    values: ['n'],
  },
  /** Guidance health: tips shown, not found, dismissed, per screen. */
  ins_tip_day: {
    keys: [
      ['day', 'text'],
      ['app', 'text'],
      ['screen', 'text'],
      ['tip', 'text'],
    ],
    values: ['shown', 'unresolved', 'dismissed'],
  },
  /** Failed searches with words, per screen; `query` is an id in ins_queries. */
  ins_query_day: {
    keys: [
      ['day', 'text'],
      ['app', 'text'],
      ['screen', 'text'],
      ['query', 'int'],
    ],
    values: ['n'],
  },
  /** Lesson steps finished for the first time (the funnel), all teams together. */
  ins_lesson_day: {
    keys: [
      ['day', 'text'],
      ['lesson', 'text'],
      ['step', 'int'],
    ],
    values: ['n'],
  },
  ins_lesson_done_day: {
    keys: [
      ['day', 'text'],
      ['lesson', 'text'],
    ],
    values: ['n', 'questions', 'correct'],
  },
  /**
   * Knowledge-check answers per question and choice, all teams together (Learning: difficulty and
   * distractors): `choice` is the chosen ids joined by '+', `first` the first attempt.
   */
  ins_question_day: {
    keys: [
      ['day', 'text'],
      ['lesson', 'text'],
      ['question', 'text'],
      ['choice', 'text'],
      ['first', 'int'],
    ],
    values: ['n', 'correct'],
  },
  /** First-attempt answers per team and question (Teams: question difficulty per team). */
  ins_team_question_day: {
    keys: [
      ['day', 'text'],
      ['team', 'text'],
      ['lesson', 'text'],
      ['question', 'text'],
    ],
    values: ['answers', 'correct'],
  },
  ins_path_day: {
    keys: [
      ['day', 'text'],
      ['path', 'text'],
    ],
    values: ['n'],
  },
  /**
   * Month twins of the daily rollups the year views read most (Content, Gaps): the same sums per
   * calendar month ('YYYY-MM'), so a year is twelve rows per key plus the days at its ends.
   * `last_dom` is the last day of the month the item was used (kept as the greatest, not summed).
   */
  ins_item_month: {
    keys: [
      ['month', 'text'],
      ['item', 'text'],
    ],
    values: ['shown', 'opened', 'opened_page', 'reads', 'helpful', 'unhelpful', 'last_dom'],
  },
  ins_feedback_month: {
    keys: [
      ['month', 'text'],
      ['item', 'text'],
      ['helpful', 'int'],
      ['reason', 'text'],
    ],
    values: ['n'],
  },
  ins_query_month: {
    keys: [
      ['month', 'text'],
      ['app', 'text'],
      ['screen', 'text'],
      ['query', 'int'],
    ],
    values: ['n'],
  },
  /** Events devices had to drop (outbox full). */
  ins_service_day: { keys: [['day', 'text']], values: ['dropped'] },
  /**
   * Distinct people per week, team ('*': everyone) and scope (`active`, `search`), counted from
   * the week's person marks when a mark is new: the marks go with their salt, the count stays.
   */
  ins_people_week: {
    keys: [
      ['week', 'text'],
      ['team', 'text'],
      ['scope', 'text'],
    ],
    values: ['people'],
  },
} as const;

export type RollupTable = keyof typeof rollupTables;

/** Daily rollups and their month twins: every daily change is added to its month too. */
export const monthTwins = {
  ins_item_day: 'ins_item_month',
  ins_feedback_day: 'ins_feedback_month',
  ins_query_day: 'ins_query_month',
} as const satisfies Partial<Record<RollupTable, RollupTable>>;

/** Value columns that keep the greatest value seen rather than a sum. */
export const greatestColumns: ReadonlySet<string> = new Set(['last_dom']);

/** The rollups keyed by day (the month twins and ins_people_week are not). */
export const dayRollups = (Object.keys(rollupTables) as RollupTable[]).filter(
  (t) => rollupTables[t].keys[0][0] === 'day',
);

/** A daily change as its month twin's: the month as key, and the day for `last_dom`. */
function monthTwin(delta: RollupDelta): RollupDelta | undefined {
  const twin = (monthTwins as Partial<Record<RollupTable, RollupTable>>)[delta.table];
  if (twin === undefined) return undefined;
  const [day, ...rest] = delta.key as [string, ...(string | number)[]];
  const add = { ...delta.add, last_dom: Number(day.slice(8, 10)) };
  return { table: twin, key: [day.slice(0, 7), ...rest], add };
}
export type KeyType = 'text' | 'int';

/** One change to a rollup row: its key values (in the table's key order) and what to add. */
export interface RollupDelta {
  table: RollupTable;
  key: (string | number)[];
  add: Partial<Record<string, number>>;
}

/** A table's change as whole rows: every value column, in order, zero where nothing is added. */
export interface RollupRows {
  table: RollupTable;
  keys: readonly (readonly [string, KeyType])[];
  values: readonly string[];
  rows: { key: (string | number)[]; add: number[] }[];
}

/**
 * Deltas summed per table and key, tables in a fixed order and rows sorted by key: one upsert per
 * row, and concurrent writers (PostgreSQL instances) take row locks in the same order.
 */
export function aggregateDeltas(deltas: Iterable<RollupDelta>): RollupRows[] {
  const byTable = new Map<RollupTable, Map<string, { key: (string | number)[]; add: number[] }>>();
  const addDelta = (delta: RollupDelta) => {
    const { values } = rollupTables[delta.table];
    const rows =
      byTable.get(delta.table) ?? new Map<string, { key: (string | number)[]; add: number[] }>();
    byTable.set(delta.table, rows);
    const id = JSON.stringify(delta.key);
    const row = rows.get(id) ?? { key: delta.key, add: values.map(() => 0) };
    rows.set(id, row);
    values.forEach((column, i) => {
      const add = delta.add[column] ?? 0;
      row.add[i] = greatestColumns.has(column) ? Math.max(row.add[i]!, add) : row.add[i]! + add;
    });
  };
  for (const delta of deltas) {
    addDelta(delta);
    const twin = monthTwin(delta);
    if (twin !== undefined) addDelta(twin);
  }
  return (Object.keys(rollupTables) as RollupTable[]).flatMap((table) => {
    const rows = byTable.get(table);
    if (rows === undefined) return [];
    const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const { keys, values } = rollupTables[table];
    return [{ table, keys, values, rows: sorted.map(([, row]) => row) }];
  });
}
