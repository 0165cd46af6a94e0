import { addDays, type InsightEvent } from '@/lib/insights';
import type { DumpTable, Store, User } from '../store';
import { decodeEvent } from './event-codec';
import { EventIngest } from './ingest';
import { rollupsOf } from './ingest-plan';
import { aggregateDeltas, rollupTables } from './rollups';

/** Test-only helpers for the insights suites. */

export const INSTALL = '4b8e7f4e-7d4c-4a9e-9a43-3a6c1a0b9d11';

/** A fresh install id per person (as each browser profile has its own). */
export const installOf = (n: number) => `4b8e7f4e-7d4c-4a9e-9a43-${String(n).padStart(12, '0')}`;

export const learner = (email: string, team?: string): User => ({ email, role: 'learner', team });

/** A failed search (nothing opened) on a screen, with words. */
export function failedSearch(
  day: string,
  query: string | undefined,
  where: { app?: string; screen?: string } = {},
): InsightEvent {
  return {
    type: 'search',
    v: 1,
    day,
    hour: 10,
    results: '0',
    ended: 'idle',
    ...where,
    ...(query === undefined ? {} : { query }),
  };
}

/** Sends events as one batch from `user` through the real ingestion (plan + store). */
export async function sendEvents(
  store: Store,
  user: User,
  events: readonly InsightEvent[],
  options: { install?: string; firstSeq?: number; ingest?: EventIngest } = {},
) {
  const ingest = options.ingest ?? new EventIngest(store);
  const first = options.firstSeq ?? 1;
  const answer = await ingest.receive(
    {
      install: options.install ?? INSTALL,
      events: events.map((e, i) => ({ ...e, seq: first + i })),
    },
    user,
  );
  if (answer.status !== 200) throw new Error(answer.error);
  return answer.body;
}

/** Every row of one table, as dumped. */
export async function rowsOf(store: Store, table: DumpTable): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const chunk of store.dump()) if (chunk.table === table) rows.push(...chunk.rows);
  return rows;
}

/** Every table's rows, as dumped. */
export async function dumpAll(store: Store): Promise<Map<string, Record<string, unknown>[]>> {
  const tables = new Map<string, Record<string, unknown>[]>();
  for await (const chunk of store.dump())
    tables.set(chunk.table, [...(tables.get(chunk.table) ?? []), ...chunk.rows]);
  return tables;
}

/** A clock tests move forward. */
export function movableClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => (now = new Date(iso)),
  };
}

/**
 * Each day from `first` to `last`, with the clock set to it, each of `people` people's events of
 * the day (`draw`: undefined for none), sent from the person's own install, seqs continuing.
 */
export async function sendDays(
  store: Store,
  clock: ReturnType<typeof movableClock>,
  span: { first: string; last: string; people: number },
  draw: (person: number, day: string) => { user: User; events: InsightEvent[] } | undefined,
): Promise<void> {
  const seqs = new Map<number, number>();
  for (let day = span.first; day <= span.last; day = addDays(day, 1)) {
    clock.set(`${day}T12:00:00.000Z`);
    for (let person = 0; person < span.people; person++) {
      const sent = draw(person, day);
      if (sent === undefined) continue;
      const firstSeq = (seqs.get(person) ?? 0) + 1;
      seqs.set(person, firstSeq + sent.events.length - 1);
      await sendEvents(store, sent.user, sent.events, { install: installOf(person), firstSeq });
    }
  }
}

/** A small seeded random generator (mulberry32) and normal draws, for synthetic data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

/** The raw events stored, decoded, with the install each came from (test-only). */
export async function rawEvents(
  store: Store,
): Promise<
  { install: string; seq: number; team: string; query: number | undefined; event: InsightEvent }[]
> {
  const tables = await dumpAll(store);
  const names = new Map((tables.get('ins_names') ?? []).map((r) => [Number(r.id), String(r.name)]));
  const installs = new Map(
    (tables.get('ins_installs') ?? []).map((r) => [Number(r.id), String(r.install)]),
  );
  const words = new Map(
    (tables.get('ins_queries') ?? []).map((r) => [Number(r.id), String(r.text)]),
  );
  return (tables.get('ins_events') ?? []).map((r) => {
    const query = r.query == null ? undefined : Number(r.query);
    return {
      install: installs.get(Number(r.install))!,
      seq: Number(r.seq),
      team: r.team == null ? '' : names.get(Number(r.team))!,
      query,
      event: decodeEvent(
        {
          day: Number(r.day),
          type: Number(r.type),
          f: String(r.f),
          query: query === undefined ? undefined : words.get(query),
        },
        (id) => names.get(id)!,
      ),
    };
  });
}

/**
 * The rollup tables as the raw rows say they must be: every raw event's counts (rollupsOf, the
 * same rule the store applies) summed, against what the tables hold — equal when each inserted row
 * was counted once and no duplicate ever was. ins_people_week counts marks, not rows: left out.
 */
export async function rollupsAgainstRaw(store: Store) {
  const raw = await rawEvents(store);
  const deltas = raw.flatMap((r) => [
    ...rollupsOf(r.event, r.team),
    ...(r.query === undefined || r.event.type !== 'search'
      ? []
      : [
          {
            table: 'ins_query_day' as const,
            key: [r.event.day, r.event.app ?? '', r.event.screen ?? '', r.query],
            add: { n: 1 },
          },
        ]),
  ]);
  const expected = new Map<string, number[]>();
  for (const { table, rows } of aggregateDeltas(deltas))
    for (const row of rows)
      if (row.add.some((n) => n !== 0)) expected.set(JSON.stringify([table, ...row.key]), row.add);
  const actual = new Map<string, number[]>();
  const tables = await dumpAll(store);
  for (const [table, { keys, values }] of Object.entries(rollupTables)) {
    if (table === 'ins_people_week') continue;
    for (const row of tables.get(table) ?? []) {
      const add = values.map((v) => Number(row[v]));
      if (add.some((n) => n !== 0))
        actual.set(
          JSON.stringify([
            table,
            ...keys.map(([k, type]) => (type === 'int' ? Number(row[k]) : row[k])),
          ]),
          add,
        );
    }
  }
  return { expected, actual, events: raw.length };
}
