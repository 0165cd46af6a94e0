import { addDays, type InsightEvent, type ParsedEvent } from '@/lib/insights';
import { EventIngest } from '@/server/insights/ingest';
import { planBatch, weeksNeeded } from '@/server/insights/ingest-plan';
import { oldestSaltWeek, personHash } from '@/server/insights/people';
import { openStore, type Store } from '@/server/store';
import { openDatabase, type Db } from '@/server/store/sqlite/database';
import { putInsightSettings, pruneInsights, weekSalts } from '@/server/store/sqlite/insight-admin';
import { appendInsightEvents, type NameCache } from '@/server/store/sqlite/insight-events';
import { events, rng } from './synthetic-events';

/** The synthetic year: how many days, events a day, people and teams. */
export interface YearScale {
  days: number;
  eventsPerDay: number;
  people: number;
  teams: number;
}

/** One person's events of one day, as their extension would send them. */
export interface PersonBatch {
  day: string;
  install: string;
  email: string;
  team: string;
  events: (InsightEvent & { seq: number })[];
}

const installOf = (person: number) => `4b8e7f4e-7d4c-4a9e-9a43-${String(person).padStart(12, '0')}`;

/**
 * The year's batches, day by day: 500 events at a time (the most a batch holds), each from a
 * person drawn at random, seqs growing per install — the batching of the ingestion bench, which
 * keeps a day's fill to a few hundred transactions. Rollup rows are keyed by day, place, item,
 * team… never by person, so their number (what the views read) is that of the year's events.
 */
export function* yearBatches(last: string, scale: YearScale): Generator<PersonBatch> {
  const r = rng(7);
  const seqs = new Array<number>(scale.people).fill(0);
  for (let d = scale.days - 1; d >= 0; d--) {
    const day = addDays(last, -d);
    for (let left = scale.eventsPerDay; left > 0; left -= 500) {
      const person = Math.floor(r() * scale.people);
      const first = seqs[person]!;
      const batch = events(r, day, Math.min(500, left)).map((e, i) => ({
        ...e,
        seq: first + i + 1,
      }));
      seqs[person] = first + batch.length;
      const email = `agent-${person}@example.com`;
      const team = `team-${person % scale.teams}`;
      yield { day, install: installOf(person), email, team, events: batch };
    }
  }
}

/**
 * The real path in process: EventIngest.receive (zod, planning, one transaction a batch), the
 * store's clock on each batch's day. Slow at the target scale; used on a sample to check bulkFill.
 */
export async function fillThroughIngest(
  store: Store,
  batches: Iterable<PersonBatch>,
  clock: { now: Date },
) {
  const ingest = new EventIngest(store);
  let stored = 0;
  for (const b of batches) {
    clock.now = new Date(`${b.day}T12:00:00.000Z`);
    const answer = await ingest.receive(
      { install: b.install, events: b.events },
      { email: b.email, role: 'learner', team: b.team },
    );
    if (answer.status !== 200 || answer.body.rejected.length > 0)
      throw new Error(`${b.day}: the synthetic batch was refused: ${JSON.stringify(answer)}`);
    stored += answer.body.accepted.length;
  }
  return stored;
}

/** The sender's hashes under the salts the batch needs (as EventIngest makes them). */
function hashesFor(db: Db, salts: Map<string, string>, b: PersonBatch, parsed: ParsedEvent[]) {
  const weeks = weeksNeeded(parsed, b.day);
  const missing = weeks.filter((w) => !salts.has(w));
  if (missing.length > 0)
    for (const [week, salt] of weekSalts(db, missing, oldestSaltWeek(b.day))) salts.set(week, salt);
  return new Map(
    weeks.flatMap((w) => (salts.has(w) ? [[w, personHash(salts.get(w)!, b.email)]] : [])),
  );
}

/**
 * The year at the scale in reasonable time: the same planning (planBatch) and the same
 * storing code (appendInsightEvents: raw rows, rollups, person marks, query words, learning
 * records), without HTTP and zod — the synthetic events are valid by construction (checkSample) —
 * and one transaction a day, each person's batch a savepoint inside it, instead of one commit a
 * batch. Retention runs each day, as a served store's would, so raw rows are the last 90 days.
 */
export function bulkFill(
  path: string,
  batches: Iterable<PersonBatch>,
  onDay?: (day: string, stored: number) => void,
) {
  const db = openDatabase(path);
  putInsightSettings(db, { analytics: 'learning' }, 'bench', new Date());
  const names: NameCache = new Map();
  const salts = new Map<string, string>();
  let stored = 0;
  let day: string | undefined;
  let pending: PersonBatch[] = [];
  const flush = () => {
    if (day === undefined) return;
    const today = day;
    db.transaction(() => {
      for (const b of pending) {
        const parsed = b.events.map((event, index) => ({ index, seq: event.seq, event }));
        const hashes = hashesFor(db, salts, b, parsed);
        const sender = { email: b.email, team: b.team };
        const plan = planBatch(parsed, { sender, level: 'learning', today, hashes });
        const at = new Date(`${today}T12:00:00.000Z`);
        stored += appendInsightEvents(db, names, { install: b.install, today, rows: plan.rows }, at)
          .inserted.length;
      }
    })();
    pruneInsights(db, today);
    onDay?.(today, stored);
  };
  for (const b of batches) {
    if (b.day !== day) {
      flush();
      day = b.day;
      pending = [];
    }
    pending.push(b);
  }
  flush();
  db.close();
  return stored;
}

/** One person in this many joined on the fill's first day (new hires); the rest a year before. */
export const NEW_HIRE_EVERY = 10;

/**
 * An account for every person of the year, as a deployment has one per agent: Learning's
 * new-hire path times read the accounts, so a year without them would time that read on nobody.
 * One in ten joined on `first` (the year's new hires: their first record is within 30 days of
 * joining), the rest a year before (long-standing staff). Skips accounts already there (a reused
 * year); answers how many it made.
 */
export async function addAccounts(path: string, scale: YearScale, first: string): Promise<number> {
  let joined = new Date(`${first}T09:00:00.000Z`);
  const store = await openStore(path, { now: () => joined });
  try {
    const have = new Set((await store.listUsers()).map((u) => u.email));
    let made = 0;
    for (let person = 0; person < scale.people; person++) {
      const email = `agent-${person}@example.com`;
      if (have.has(email)) continue;
      const day = person % NEW_HIRE_EVERY === 0 ? first : addDays(first, -365);
      joined = new Date(`${day}T09:00:00.000Z`);
      const team = `team-${person % scale.teams}`;
      await store.addUser({ email, role: 'learner', team, rotate: false });
      made += 1;
    }
    return made;
  } finally {
    await store.close();
  }
}
