/**
 * The insights bench's in-process ingestion alone (zod, plan, rollups, marks, learner sets on a
 * fresh SQLite file): `npx tsx bench/insights/ingest-only.ts [batches=400]`, the same synthetic
 * 500-event batches as `npm run bench:insights`, with the load average beside the rate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@/server/store';
import { inProcess, p, type Batch } from './ingest-runs';
import { events, rng } from './synthetic-events';

const TODAY = '2026-06-15';
const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-ingest-'));
const r = rng(1);
const batches: Batch[] = Array.from({ length: Number(process.argv[2] ?? 400) }, (_, b) => ({
  install: `4b8e7f4e-7d4c-4a9e-9a43-${String(b).padStart(12, '0')}`,
  events: events(r, TODAY, 500).map((e, i) => ({ ...e, seq: i + 1 })),
  user: { email: `agent-${b % 200}@example.com`, role: 'learner' as const, team: `team-${b % 50}` },
  token: '',
}));
const store = await openStore(join(dir, 'in-process.db'), {
  now: () => new Date(`${TODAY}T12:00:00.000Z`),
  backgroundCheckpoint: true,
});
await store.putInsightSettings({ analytics: 'learning' }, 'bench');
const run = await inProcess(store, batches);
await store.close();
rmSync(dir, { recursive: true, force: true });
const ms = (at: number) => p(run.latencies, at).toFixed(1);
console.log(
  `in process: ${Math.round(run.events / run.seconds)} events/s, p50 ${ms(50)} ms, p99 ${ms(99)} ms a batch; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
