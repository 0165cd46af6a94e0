import { weekOf } from '@/lib/insights';
import { formatFields, namesOf } from '../../insights/event-codec';
import {
  distinctMarks,
  peopleDeltas,
  type PersonMark,
  type PlannedRow,
  type RowEffects,
} from '../../insights/ingest-plan';
import { windowStart } from '../../insights/people';
import {
  aggregateDeltas,
  greatestColumns,
  type RollupDelta,
  type RollupRows,
} from '../../insights/rollups';
import type { InsightBatch, InsightBatchResult } from '../insight-types';
import type { Db } from './database';
import { addAnchorReports } from './extras';
import { storeLearnerSets } from './learner-sets';
import { prepared, preparedPluck } from './statements';

/**
 * Storing a batch of insight events on SQLite: one transaction, in which each raw row is inserted
 * unless its (install, seq) is there already, and only the rows inserted apply their effects
 * (server/insights/ingest-plan.ts decides them).
 */

/** Slug → id in ins_names. Ids never change once given, so they are cached after each commit. */
export type NameCache = Map<string, number>;

function resolveNames(db: Db, cache: NameCache, names: Iterable<string>, fresh: NameCache) {
  const add = prepared(db, 'INSERT OR IGNORE INTO ins_names (name) VALUES (?)');
  const find = preparedPluck(db, 'SELECT id FROM ins_names WHERE name = ?');
  for (const name of names) {
    if (cache.has(name) || fresh.has(name)) continue;
    add.run(name);
    fresh.set(name, find.get(name) as number);
  }
  return (name: string) => cache.get(name) ?? fresh.get(name)!;
}

function installId(db: Db, install: string, day: number): number {
  return preparedPluck(
    db,
    `INSERT INTO ins_installs (install, last_day) VALUES (?, ?) ON CONFLICT (install)
     DO UPDATE SET last_day = max(last_day, excluded.last_day) RETURNING id`,
  ).get(install, day) as number;
}

export function upsertRollups(db: Db, tables: readonly RollupRows[]): void {
  for (const { table, keys, values, rows } of tables) {
    const columns = [...keys.map(([k]) => k), ...values];
    const statement = prepared(
      db,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (${keys.map(([k]) => k).join(', ')}) DO UPDATE SET
       ${values.map((v) => (greatestColumns.has(v) ? `${v} = max(${v}, excluded.${v})` : `${v} = ${v} + excluded.${v}`)).join(', ')}`,
    );
    for (const row of rows) statement.run(...row.key, ...row.add);
  }
}

/** Adds marks; returns those that are new (a first sighting of that person in that scope). */
function addMarks(db: Db, marks: readonly PersonMark[]): PersonMark[] {
  const insert = prepared(
    db,
    'INSERT OR IGNORE INTO ins_marks (week, scope, person, last_day) VALUES (?, ?, ?, ?)',
  );
  const later = prepared(
    db,
    `UPDATE ins_marks SET last_day = max(last_day, ?) WHERE week = ? AND scope = ? AND person = ?`,
  );
  return distinctMarks(marks).filter((m) => {
    if (insert.run(m.week, m.scope, m.person, m.day).changes === 1) return true;
    later.run(m.day, m.week, m.scope, m.person);
    return false;
  });
}

/** A failed search's words: stored (or their last day moved), the raw row pointed at them. */
function storeQueries(db: Db, rows: readonly PlannedRow[], install: number, today: string) {
  const upsert = preparedPluck(
    db,
    `INSERT INTO ins_queries (text, first_day, last_day) VALUES (?, ?, ?) ON CONFLICT (text)
     DO UPDATE SET last_day = max(last_day, excluded.last_day) RETURNING id`,
  );
  const point = prepared(db, 'UPDATE ins_events SET query = ? WHERE install = ? AND seq = ?');
  const deltas: RollupDelta[] = [];
  const marks: PersonMark[] = [];
  for (const row of rows) {
    const use = row.effects.query;
    if (use === undefined) continue;
    const id = upsert.get(use.text, use.day, use.day) as number;
    point.run(id, install, row.seq);
    deltas.push({ table: 'ins_query_day', key: [use.day, use.app, use.screen, id], add: { n: 1 } });
    for (const m of use.marks) marks.push({ ...m, scope: `q:${id}`, day: use.day });
  }
  addMarks(db, marks);
  refreshPeaks(db, new Set(marks.map((m) => m.scope)), today);
  return deltas;
}

/** Each query's peak: the most distinct people who typed it in 30 days, as of `today`. */
function refreshPeaks(db: Db, scopes: ReadonlySet<string>, today: string): void {
  const people = preparedPluck(
    db,
    'SELECT count(*) FROM ins_marks WHERE week = ? AND scope = ? AND last_day >= ?',
  );
  const raise = prepared(db, 'UPDATE ins_queries SET peak = max(peak, ?) WHERE id = ?');
  for (const scope of scopes)
    raise.run(people.get(weekOf(today), scope, windowStart(today)), Number(scope.slice(2)));
}

function storeLearning(db: Db, effects: readonly RowEffects[]): void {
  const insert = prepared(
    db,
    `INSERT INTO learning_records (email, team, day, type, subject, body)
     VALUES (@email, @team, @day, @type, @subject, @body)`,
  );
  const facts = effects.flatMap(({ learning }) => (learning === undefined ? [] : [learning]));
  for (const learning of facts) insert.run(learning);
  storeLearnerSets(db, facts);
}

function storeGuidance(db: Db, effects: readonly RowEffects[]): void {
  const upsert = prepared(
    db,
    `INSERT INTO ins_guidance (app, record, first_day, last_day, team, opened, agent, agent_week)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app, record) DO UPDATE SET
       first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day),
       opened = max(opened, excluded.opened)`,
  );
  for (const { guidance: g } of effects)
    if (g !== undefined)
      upsert.run(
        g.app,
        g.record,
        g.day,
        g.day,
        g.team,
        g.opened ? 1 : 0,
        g.agent ?? null,
        g.agentWeek,
      );
}

export function appendInsightEvents(
  db: Db,
  cache: NameCache,
  batch: InsightBatch,
  at: Date,
): InsightBatchResult {
  const fresh: NameCache = new Map();
  const result = db.transaction(() => {
    const lastDay = Math.max(0, ...batch.rows.map((r) => r.encoded.day));
    const install = installId(db, batch.install, lastDay);
    const teams = batch.rows.flatMap((r) => (r.team === undefined ? [] : [r.team]));
    const idOf = resolveNames(
      db,
      cache,
      [...batch.rows.flatMap((r) => namesOf(r.encoded)), ...teams],
      fresh,
    );
    const insert = prepared(
      db,
      'INSERT OR IGNORE INTO ins_events (install, seq, day, type, team, f) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const inserted: PlannedRow[] = [];
    const duplicates: number[] = [];
    for (const row of batch.rows) {
      const { day, type, fields } = row.encoded;
      const team = row.team === undefined ? null : idOf(row.team);
      const changes = insert.run(
        install,
        row.seq,
        day,
        type,
        team,
        formatFields(fields, idOf),
      ).changes;
      if (changes === 1) inserted.push(row);
      else duplicates.push(row.seq);
    }
    applyEffects(db, inserted, { install, today: batch.today, at });
    return { inserted: inserted.map((r) => r.seq), duplicates };
  })();
  for (const [name, id] of fresh) cache.set(name, id);
  return result;
}

function applyEffects(
  db: Db,
  rows: readonly PlannedRow[],
  context: { install: number; today: string; at: Date },
): void {
  const effects = rows.map((r) => r.effects);
  const deltas = effects.flatMap((e) => e.rollups);
  deltas.push(
    ...peopleDeltas(
      addMarks(
        db,
        effects.flatMap((e) => e.marks),
      ),
    ),
  );
  deltas.push(...storeQueries(db, rows, context.install, context.today));
  upsertRollups(db, aggregateDeltas(deltas));
  storeLearning(db, effects);
  storeGuidance(db, effects);
  const anchors = effects.flatMap((e) => (e.anchor === undefined ? [] : [e.anchor]));
  if (anchors.length > 0) addAnchorReports(db, anchors, context.at);
}
