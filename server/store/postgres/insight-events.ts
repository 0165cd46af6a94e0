import { weekOf } from '@/lib/insights';
import { formatFields, namesOf } from '../../insights/event-codec';
import {
  distinctMarks,
  peopleDeltas,
  type GuidanceInput,
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
import type { Query, Sql, Tx } from './connect';
import { addAnchorReports } from './extras';
import { storeLearnerSets } from './learner-sets';

/**
 * Storing a batch of insight events on PostgreSQL: one transaction, a statement per kind of row
 * (arrays through unnest), the raw rows first with ON CONFLICT DO NOTHING RETURNING the seqs
 * actually inserted, then only their effects. Rows of each statement are sorted by key, so
 * instances writing the same rollup rows take their locks in the same order.
 */

export type NameCache = Map<string, number>;

/** Slugs → ids, added in their own (committed) statement first, so a cached id always exists. */
export async function resolveNames(sql: Sql, cache: NameCache, names: Iterable<string>) {
  const missing = [...new Set(names)].filter((name) => !cache.has(name)).sort();
  if (missing.length > 0) {
    await sql`INSERT INTO ins_names (name) SELECT unnest(${missing}::text[]) ON CONFLICT DO NOTHING`;
    const rows = await sql<{ id: number; name: string }[]>`
      SELECT id, name FROM ins_names WHERE name = ANY(${missing}::text[])`;
    for (const row of rows) cache.set(row.name, row.id);
  }
  return (name: string) => cache.get(name)!;
}

type Param = string | number | null;

export async function upsertRollups(tx: Query, tables: readonly RollupRows[]): Promise<void> {
  for (const { table, keys, values, rows } of tables) {
    const columns = [...keys.map(([k]) => k), ...values];
    const types = [
      ...keys.map(([, t]) => (t === 'int' ? 'int' : 'text')),
      ...values.map(() => 'int'),
    ];
    const arrays = columns.map((_, i) =>
      rows.map((r) => (i < keys.length ? r.key[i]! : r.add[i - keys.length]!)),
    );
    const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await tx.unsafe(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})
       ON CONFLICT (${keys.map(([k]) => k).join(', ')}) DO UPDATE SET
       ${values.map((v) => (greatestColumns.has(v) ? `${v} = greatest(${table}.${v}, excluded.${v})` : `${v} = ${table}.${v} + excluded.${v}`)).join(', ')}`,
      arrays as never[],
    );
  }
}

/** Adds marks (one per key, the latest day); returns those that are new. */
async function addMarks(tx: Tx, marks: readonly PersonMark[]): Promise<PersonMark[]> {
  const key = (m: Pick<PersonMark, 'week' | 'scope' | 'person'>) =>
    `${m.week}\n${m.scope}\n${m.person}`;
  const unique = distinctMarks(marks).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  if (unique.length === 0) return [];
  const cols = (f: (m: PersonMark) => string) => unique.map(f);
  const [weeks, scopes, persons, days] = [
    cols((m) => m.week),
    cols((m) => m.scope),
    cols((m) => m.person),
    cols((m) => m.day),
  ];
  const added = await tx<{ week: string; scope: string; person: string }[]>`
    INSERT INTO ins_marks (week, scope, person, last_day)
    SELECT * FROM unnest(${weeks}::text[], ${scopes}::text[], ${persons}::text[], ${days}::text[])
    ON CONFLICT DO NOTHING RETURNING week, scope, person`;
  await tx`UPDATE ins_marks m SET last_day = u.day
    FROM unnest(${weeks}::text[], ${scopes}::text[], ${persons}::text[], ${days}::text[])
      AS u(week, scope, person, day)
    WHERE m.week = u.week AND m.scope = u.scope AND m.person = u.person AND m.last_day < u.day`;
  const isNew = new Set(added.map(key));
  return unique.filter((m) => isNew.has(key(m)));
}

async function storeQueries(
  tx: Tx,
  rows: readonly PlannedRow[],
  install: number,
  today: string,
): Promise<RollupDelta[]> {
  const uses = rows.flatMap((row) =>
    row.effects.query ? [{ seq: row.seq, ...row.effects.query }] : [],
  );
  if (uses.length === 0) return [];
  const span = new Map<string, { first: string; last: string }>();
  for (const u of uses) {
    const s = span.get(u.text) ?? { first: u.day, last: u.day };
    span.set(u.text, {
      first: s.first < u.day ? s.first : u.day,
      last: s.last > u.day ? s.last : u.day,
    });
  }
  const texts = [...span.keys()].sort();
  const ids = await tx<{ id: number; text: string }[]>`
    INSERT INTO ins_queries (text, first_day, last_day)
    SELECT * FROM unnest(${texts}::text[], ${texts.map((t) => span.get(t)!.first)}::text[],
      ${texts.map((t) => span.get(t)!.last)}::text[])
    ON CONFLICT (text) DO UPDATE SET last_day = greatest(ins_queries.last_day, excluded.last_day)
    RETURNING id, text`;
  const idOf = new Map(ids.map((r) => [r.text, r.id]));
  await tx`UPDATE ins_events e SET query = u.query
    FROM unnest(${uses.map((u) => u.seq)}::bigint[], ${uses.map((u) => idOf.get(u.text)!)}::int[])
      AS u(seq, query)
    WHERE e.install = ${install} AND e.seq = u.seq`;
  const marks = uses.flatMap((u) =>
    u.marks.map((m) => ({ ...m, scope: `q:${idOf.get(u.text)!}`, day: u.day })),
  );
  await addMarks(tx, marks);
  const scopes = [...new Set(marks.map((m) => m.scope))].sort();
  await tx`UPDATE ins_queries q SET peak = c.people
    FROM (SELECT scope, count(*)::int AS people FROM ins_marks
          WHERE week = ${weekOf(today)} AND scope = ANY(${scopes}::text[])
            AND last_day >= ${windowStart(today)} GROUP BY scope) c
    WHERE q.id = substr(c.scope, 3)::int AND q.peak < c.people`;
  return uses.map((u) => ({
    table: 'ins_query_day' as const,
    key: [u.day, u.app, u.screen, idOf.get(u.text)!],
    add: { n: 1 },
  }));
}

async function storeLearning(tx: Tx, effects: readonly RowEffects[]): Promise<void> {
  const records = effects.flatMap((e) => (e.learning === undefined ? [] : [e.learning]));
  if (records.length === 0) return;
  await tx`INSERT INTO learning_records ${tx(records, 'email', 'team', 'day', 'type', 'subject', 'body')}`;
  await storeLearnerSets(tx, records);
}

async function storeGuidance(tx: Tx, effects: readonly RowEffects[]): Promise<void> {
  const merged = new Map<string, GuidanceInput & { first: string }>();
  for (const { guidance: g } of effects) {
    if (g === undefined) continue;
    const key = `${g.app}\n${g.record}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen === undefined
        ? { ...g, first: g.day }
        : {
            ...seen,
            first: seen.first < g.day ? seen.first : g.day,
            day: seen.day > g.day ? seen.day : g.day,
            opened: seen.opened || g.opened,
          },
    );
  }
  const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
  if (rows.length === 0) return;
  const col = <T extends Param>(f: (g: (typeof rows)[number]) => T) => rows.map(f);
  await tx`INSERT INTO ins_guidance (app, record, first_day, last_day, team, opened, agent, agent_week)
    SELECT * FROM unnest(${col((g) => g.app)}::text[], ${col((g) => g.record)}::text[],
      ${col((g) => g.first)}::text[], ${col((g) => g.day)}::text[], ${col((g) => g.team)}::text[],
      ${col((g) => (g.opened ? 1 : 0))}::int[], ${col((g) => g.agent ?? null)}::text[],
      ${col((g) => g.agentWeek)}::text[])
    ON CONFLICT (app, record) DO UPDATE SET
      first_day = least(ins_guidance.first_day, excluded.first_day),
      last_day = greatest(ins_guidance.last_day, excluded.last_day),
      opened = greatest(ins_guidance.opened, excluded.opened)`;
}

export async function appendInsightEvents(
  sql: Sql,
  cache: NameCache,
  batch: InsightBatch,
  at: Date,
  transaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
): Promise<InsightBatchResult> {
  const teams = batch.rows.flatMap((r) => (r.team === undefined ? [] : [r.team]));
  const idOf = await resolveNames(sql, cache, [
    ...batch.rows.flatMap((r) => namesOf(r.encoded)),
    ...teams,
  ]);
  const lastDay = Math.max(0, ...batch.rows.map((r) => r.encoded.day));
  const col = <T extends Param>(f: (r: PlannedRow) => T) => batch.rows.map(f);
  return transaction(async (tx) => {
    const [{ id: install } = { id: 0 }] = await tx<{ id: number }[]>`
      INSERT INTO ins_installs (install, last_day) VALUES (${batch.install}, ${lastDay})
      ON CONFLICT (install) DO UPDATE SET last_day = greatest(ins_installs.last_day, excluded.last_day)
      RETURNING id`;
    const added = await tx<{ seq: number }[]>`
      INSERT INTO ins_events (install, seq, day, type, team, f)
      SELECT ${install}, * FROM unnest(${col((r) => r.seq)}::bigint[],
        ${col((r) => r.encoded.day)}::int[], ${col((r) => r.encoded.type)}::smallint[],
        ${col((r) => (r.team === undefined ? null : idOf(r.team)))}::int[],
        ${col((r) => formatFields(r.encoded.fields, idOf))}::text[])
      ON CONFLICT DO NOTHING RETURNING seq`;
    const isNew = new Set(added.map((a) => a.seq));
    // A seq sent twice in one batch is inserted once: its first row carries the effects.
    const inserted: PlannedRow[] = [];
    const duplicates: number[] = [];
    for (const row of batch.rows)
      if (isNew.delete(row.seq)) inserted.push(row);
      else duplicates.push(row.seq);
    await applyEffects(tx, inserted, { install, today: batch.today, at });
    return { inserted: inserted.map((r) => r.seq), duplicates };
  });
}

async function applyEffects(
  tx: Tx,
  rows: readonly PlannedRow[],
  context: { install: number; today: string; at: Date },
): Promise<void> {
  const effects = rows.map((r) => r.effects);
  const deltas = effects.flatMap((e) => e.rollups);
  deltas.push(
    ...peopleDeltas(
      await addMarks(
        tx,
        effects.flatMap((e) => e.marks),
      ),
    ),
  );
  deltas.push(...(await storeQueries(tx, rows, context.install, context.today)));
  await upsertRollups(tx, aggregateDeltas(deltas));
  await storeLearning(tx, effects);
  await storeGuidance(tx, effects);
  const anchors = effects.flatMap((e) => (e.anchor === undefined ? [] : [e.anchor]));
  if (anchors.length > 0) await addAnchorReports(tx, anchors, context.at);
}
