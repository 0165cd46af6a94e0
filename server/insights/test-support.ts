import type { InsightEvent } from '@/lib/insights';
import type { DumpTable, Store, User } from '../store';
import { EventIngest } from './ingest';

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
  } as InsightEvent;
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
