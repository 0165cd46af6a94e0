import { addDays } from '@/lib/insights';
import { createApp } from '@/server/app';
import { EventIngest } from '@/server/insights/ingest';
import { views } from '@/server/insights/routes';
import { openStore, type Store } from '@/server/store';
import { events, rng } from './synthetic-events';

/** The synthetic year: how many days, events a day, people and teams. */
export interface YearScale {
  days: number;
  eventsPerDay: number;
  people: number;
  teams: number;
}

const installOf = (person: number) => `4b8e7f4e-7d4c-4a9e-9a43-${String(person).padStart(12, '0')}`;

/**
 * Fills a store day by day through the real ingestion (EventIngest: validation, rollups, person
 * marks under weekly salts), the store's clock set to each day in turn so every day's events are
 * inside the raw retention when they arrive, as they would be in a year of use.
 */
export async function buildYear(path: string, last: string, scale: YearScale) {
  let now = new Date(`${last}T12:00:00.000Z`);
  const store = await openStore(path, { now: () => new Date(now) });
  await store.putInsightSettings({ analytics: 'learning' }, 'bench');
  const ingest = new EventIngest(store);
  const r = rng(7);
  const seqs = new Map<number, number>();
  const start = performance.now();
  let stored = 0;
  for (let d = scale.days - 1; d >= 0; d--) {
    const day = addDays(last, -d);
    now = new Date(`${day}T12:00:00.000Z`);
    for (let left = scale.eventsPerDay; left > 0; left -= 500) {
      const person = Math.floor(r() * scale.people);
      const first = seqs.get(person) ?? 0;
      const batch = events(r, day, Math.min(500, left)).map((e, i) => ({
        ...e,
        seq: first + i + 1,
      }));
      seqs.set(person, first + batch.length);
      const answer = await ingest.receive(
        { install: installOf(person), events: batch },
        {
          email: `agent-${person}@example.com`,
          role: 'learner',
          team: `team-${person % scale.teams}`,
        },
      );
      if (answer.status !== 200 || answer.body.rejected.length > 0)
        throw new Error(`day ${day}: the synthetic batch was refused: ${JSON.stringify(answer)}`);
      stored += answer.body.accepted.length;
    }
  }
  now = new Date(`${last}T12:00:00.000Z`);
  return { store, events: stored, seconds: (performance.now() - start) / 1000 };
}

export interface ViewTiming {
  view: string;
  since: string;
  ms: number[];
  bytes: number;
}

/** Each view as served (GET /v1/insights/<view>, an admin's token, in process), `repeat` times. */
export async function timeViews(
  store: Store,
  since: string,
  repeat: number,
): Promise<ViewTiming[]> {
  const app = createApp(store, { log: false });
  const token = await store.addUser({
    email: `admin-${since}@example.com`,
    role: 'admin',
    team: undefined,
    rotate: false,
  });
  const out: ViewTiming[] = [];
  for (const view of Object.keys(views)) {
    const timing: ViewTiming = { view, since, ms: [], bytes: 0 };
    // One untimed request first: p95 is of a warm server (statements prepared, pages cached).
    for (let i = -1; i < repeat; i++) {
      const start = performance.now();
      const res = await app.request(`/v1/insights/${view}?since=${since}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      if (i >= 0) timing.ms.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${view} ${since}: HTTP ${res.status} ${body}`);
      timing.bytes = body.length;
    }
    out.push(timing);
  }
  return out;
}
