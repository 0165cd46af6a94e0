/**
 * `npm run bench:insights` (issue 11, item 7): the insights pipeline on SQLite.
 *
 * 1. Ingestion: the same synthetic 500-event batches (every event type, a year's cardinality)
 *    through (a) a plain batched INSERT into one table — the ceiling on this disk, measured in
 *    the same run — (b) the ingestion in process (zod, planning, rollups, person marks), and
 *    `POST /v1/events` over HTTP on 127.0.0.1 with auth, the load from a worker thread: (c) closed
 *    loop, 4 in flight as fast as it answers (the saturation throughput), and (d) open loop at a
 *    sustained offered rate (10,000 events/s: 20 batches a second, each due on its own schedule,
 *    latency counted from when it was due), where the p99 budget applies.
 * 2. Views at the issue's scale — a year of 5,000 agents, 30 million events — filled by the bulk
 *    fill (year-fill.ts: the same planning and storing code as the server, one transaction a day),
 *    first checked equal to EventIngest on a sample; then every standard view as served (30 days
 *    and a year), beside one indexed pass over the raw events kept (≤ 90 days).
 * 3. Bytes on disk per raw event (table and indexes).
 *
 * INSIGHTS_BENCH_DAYS / _EVENTS_PER_DAY / _PEOPLE scale the year down for a quick run;
 * INSIGHTS_BENCH_YEAR_DB=<file> keeps the filled year there and reuses it on the next run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@/lib/insights';
import { dayNumber } from '@/server/insights/event-codec';
import { openStore } from '@/server/store';
import { inProcess, overHttp, p, type Batch, type Run } from './insights/ingest-runs';
import {
  filledDays,
  plainInsert,
  rawScanMs,
  rollupDump,
  storageFigures,
} from './insights/raw-sqlite';
import { checkSample, events, rng } from './insights/synthetic-events';
import { timeViews } from './insights/view-runs';
import {
  addAccounts,
  bulkFill,
  fillThroughIngest,
  yearBatches,
  type YearScale,
} from './insights/year-fill';
import { budget, floor, writePart, type Cell } from './report';

const TARGET_EVENTS = 30_000_000;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SCALE: YearScale = {
  days: env('INSIGHTS_BENCH_DAYS', 365),
  eventsPerDay: env('INSIGHTS_BENCH_EVENTS_PER_DAY', Math.ceil(TARGET_EVENTS / 365)),
  people: env('INSIGHTS_BENCH_PEOPLE', 5_000),
  teams: 50,
};
const RATE = env('INSIGHTS_BENCH_RATE', 10_000);
const OPEN_SECONDS = 30;
const CLOSED_SECONDS = 20;
const CONCURRENCY = 4;
const HTTP_BATCHES = Math.max(600, Math.ceil((RATE / 500) * OPEN_SECONDS));
const VIEW_REPEAT = env('INSIGHTS_BENCH_VIEW_REPEAT', 15);
const TODAY = '2026-06-15';

const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-insights-'));
const now = () => new Date(`${TODAY}T12:00:00.000Z`);
const rate = (run: Run) => Math.round(run.events / run.seconds);

// ——— 1. Ingestion ———
const r = rng(1);
checkSample(events(r, TODAY, 5_000));
const batches: Batch[] = Array.from({ length: HTTP_BATCHES }, (_, b) => ({
  install: `4b8e7f4e-7d4c-4a9e-9a43-${String(b).padStart(12, '0')}`,
  events: events(r, TODAY, 500).map((e, i) => ({ ...e, seq: i + 1 })),
  user: { email: `agent-${b % 200}@example.com`, role: 'learner' as const, team: `team-${b % 50}` },
  token: '',
}));
const ceiling = plainInsert(dir, batches.slice(0, 600));
console.error(`insights: ceiling ${rate(ceiling)} events/s`);
const memoryStore = await openStore(join(dir, 'in-process.db'), {
  now,
  backgroundCheckpoint: true,
});
await memoryStore.putInsightSettings({ analytics: 'learning' }, 'bench');
const local = await inProcess(memoryStore, batches.slice(0, 200));
await memoryStore.close();
console.error(`insights: in process ${rate(local)} events/s`);
const closed = await overHttp(join(dir, 'closed.db'), now, batches, {
  load: { concurrency: CONCURRENCY },
  seconds: CLOSED_SECONDS,
});
console.error(`insights: HTTP closed loop ${rate(closed)} events/s (saturation)`);
const open = await overHttp(join(dir, 'open.db'), now, batches, {
  load: { rate: RATE / 500 },
  seconds: OPEN_SECONDS,
});
console.error(`insights: HTTP open loop ${rate(open)} events/s, p99 ${p(open.latencies, 99)} ms`);
// The same open loop at half this run's saturation: a machine-independent view of the queueing
// margin (on an idle machine 10,000 events/s is well under half the saturation; under other load
// it may be over it, and the absolute budget above then shows the machine, not the server).
const half = await overHttp(join(dir, 'half.db'), now, batches, {
  load: { rate: rate(closed) / 2 / 500 },
  seconds: OPEN_SECONDS,
});
half.name = `${half.name} (half the saturation above)`;
console.error(`insights: HTTP open loop at half saturation: p99 ${p(half.latencies, 99)} ms`);
const ingestRows: Cell[][] = [ceiling, local, closed, open, half].map((run) => [
  run.name,
  run.events,
  Math.round(run.seconds * 10) / 10,
  rate(run),
  `${Math.round((rate(run) / rate(ceiling)) * 100)}%`,
  Math.round(p(run.latencies, 50) * 10) / 10,
  Math.round(p(run.latencies, 99) * 10) / 10,
  run.problems,
]);

// ——— 2. Views over a year at the target scale ———
const sample: YearScale = { days: 10, eventsPerDay: 3_000, people: 200, teams: 50 };
const clock = { now: now() };
const viaIngest = await openStore(join(dir, 'sample-ingest.db'), { now: () => clock.now });
await viaIngest.putInsightSettings({ analytics: 'learning' }, 'bench');
const sampleEvents = await fillThroughIngest(viaIngest, yearBatches(TODAY, sample), clock);
await viaIngest.close();
bulkFill(join(dir, 'sample-bulk.db'), yearBatches(TODAY, sample));
if (rollupDump(join(dir, 'sample-ingest.db')) !== rollupDump(join(dir, 'sample-bulk.db')))
  throw new Error('the bulk fill and EventIngest stored the same sample differently');
console.error(`insights: bulk fill = EventIngest on a ${sampleEvents}-event sample`);

const kept = process.env.INSIGHTS_BENCH_YEAR_DB;
const yearPath = kept ?? join(dir, 'year.db');
const reused = kept !== undefined && existsSync(kept);
// A fill stopped part way (no .json beside it) holds its first days, each a full day's events.
const fill: { events: number; seconds: number; partial?: boolean } = reused
  ? existsSync(`${kept}.json`)
    ? (JSON.parse(readFileSync(`${kept}.json`, 'utf8')) as { events: number; seconds: number })
    : { events: filledDays(yearPath).days * SCALE.eventsPerDay, seconds: NaN, partial: true }
  : { events: 0, seconds: 0 };
if (!reused) {
  const start = performance.now();
  fill.events = bulkFill(yearPath, yearBatches(TODAY, SCALE), (day, stored) => {
    if (day.endsWith('-01')) console.error(`insights: filled to ${day}, ${stored} events`);
  });
  fill.seconds = (performance.now() - start) / 1000;
  console.error(`insights: year of ${fill.events} events in ${Math.round(fill.seconds)} s`);
  if (kept !== undefined) writeFileSync(`${kept}.json`, JSON.stringify(fill));
}
const filled = filledDays(yearPath);
const accounts = await addAccounts(yearPath, SCALE, filled.first);
if (accounts > 0) console.error(`insights: ${accounts} accounts made on ${filled.first}`);
const yearToday = filled.last;
const year = await openStore(yearPath, { now: () => new Date(`${yearToday}T12:00:00.000Z`) });
const periods = [
  { since: '30d', from: addDays(yearToday, -29) },
  { since: '1y', from: addDays(yearToday, -364) },
];
const viewRows: Cell[][] = [];
const p95: Record<string, number> = {};
for (const { since, from } of periods) {
  const raw = p(rawScanMs(yearPath, dayNumber(from), VIEW_REPEAT), 95);
  for (const t of await timeViews(year, since, VIEW_REPEAT)) {
    const ms = p(t.ms, 95);
    p95[`${t.view} ${since}`] = ms;
    viewRows.push([
      t.view,
      since,
      Math.round(ms),
      Math.round(raw),
      Math.round((ms / raw) * 100) / 100,
      t.bytes,
    ]);
  }
}
await year.close();
const storage = storageFigures(yearPath);
rmSync(dir, { recursive: true, force: true });

const worst = (since: string) =>
  Math.round(
    Math.max(
      ...Object.entries(p95)
        .filter(([k]) => k.endsWith(since))
        .map(([, v]) => v),
    ),
  );
const yearEvents = fill.events;
writePart({
  part: 'insights',
  title: 'Insights: ingestion beside a plain INSERT ceiling; views over a year of 5,000 agents',
  budgets: [
    floor('POST /v1/events saturation throughput (closed loop)', 10_000, rate(closed), 'events/s'),
    budget(
      `POST /v1/events p99 per 500-event batch, ${RATE.toLocaleString('en')} events/s offered`,
      100,
      Math.round(p(open.latencies, 99)),
      'ms',
    ),
    budget('standard views p95, 30 days (worst view)', 200, worst('30d'), 'ms'),
    budget('year views p95 (worst view)', 1_000, worst('1y'), 'ms'),
    budget('bytes per raw event', 80, Math.round(storage.bytesPerEvent * 10) / 10, 'B'),
  ],
  tables: [
    {
      title: 'Ingestion (the same 500-event batches)',
      columns: [
        'path',
        'events',
        's',
        'events/s',
        'of ceiling',
        'p50 ms/batch',
        'p99 ms/batch',
        'refused batches',
      ],
      rows: ingestRows,
    },
    {
      title: `Views over ${yearEvents.toLocaleString('en')} events (${filled.days} days, ${SCALE.people.toLocaleString('en')} people)`,
      columns: ['view', 'period', 'p95 ms', 'raw scan p95 ms', '× raw scan', 'JSON bytes'],
      rows: viewRows,
    },
  ],
  notes: [
    `Scale reached: ${yearEvents.toLocaleString('en')} events of the target ${TARGET_EVENTS.toLocaleString('en')} (${filled.days} days × ${SCALE.eventsPerDay.toLocaleString('en')} events from ${SCALE.people.toLocaleString('en')} people in ${SCALE.teams} teams); the views read ${storage.rollupRows.toLocaleString('en')} rollup rows.`,
    reused
      ? `The year was reused from ${kept} (INSIGHTS_BENCH_YEAR_DB)${fill.partial === true ? `, a fill stopped after ${filled.days} days (${filled.first} to ${filled.last}): the views ran as of ${filled.last}` : ''}.`
      : `The bulk fill took ${Math.round(fill.seconds)} s (${Math.round(fill.events / fill.seconds)} events/s): the server's planning and storing code, one transaction a day; checked equal to EventIngest (every rollup row, raw and learning row counts) on a ${sampleEvents.toLocaleString('en')}-event sample first.`,
    `HTTP: the server in the bench process on a SQLite file with background checkpoints (as \`serve\` runs); the load from a worker thread. Closed loop: ${CONCURRENCY} in flight for up to ${CLOSED_SECONDS} s — the saturation throughput, its latency mostly waiting in line. Open loop: ${(RATE / 500).toLocaleString('en')} batches a second for ${OPEN_SECONDS} s, each due on its own schedule whatever the answers, latency from when it was due. Analytics level "learning" (named learning records stored too).`,
    `Raw events: ${storage.rows.toLocaleString('en')} rows kept (retention: 90 days), ${storage.bytes.toLocaleString('en')} bytes in the table and its indexes (SQLite dbstat).`,
    'View p95 is the route as served in process (auth, build, schema check, JSON); the raw scan is one indexed GROUP BY over the period’s raw events still kept, for scale.',
  ],
  data: { scale: SCALE, ceiling, local, closed, open, half, fill, filled, reused, p95, storage },
});
