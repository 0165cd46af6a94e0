import { Worker } from 'node:worker_threads';
import type { InsightEvent } from '@/lib/insights';
import { EventIngest } from '@/server/insights/ingest';
import { startServer } from '@/server/main';
import { openStore, type Store, type User } from '@/server/store';
import type { PostResult, PostWork } from './post-worker';

/** One prepared batch: its install, events with seqs, the sender. */
export interface Batch {
  install: string;
  events: (InsightEvent & { seq: number })[];
  user: User;
  token: string;
}

export interface Run {
  name: string;
  events: number;
  seconds: number;
  /** Per batch, ms (undefined for the INSERT ceiling, which has no request). */
  latencies: number[];
  problems: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
export const p = (values: number[], at: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    at,
  );

/** Validation, planning, rollups and person marks in process: the store's work without HTTP. */
export async function inProcess(store: Store, batches: readonly Batch[]): Promise<Run> {
  const ingest = new EventIngest(store);
  const latencies: number[] = [];
  let events = 0;
  let problems = 0;
  const start = performance.now();
  for (const b of batches) {
    const t = performance.now();
    const answer = await ingest.receive({ install: b.install, events: b.events }, b.user);
    latencies.push(performance.now() - t);
    if (answer.status !== 200 || answer.body.rejected.length > 0) problems += 1;
    else events += answer.body.accepted.length;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: 'ingest in process (validation + rollups)', events, seconds, latencies, problems };
}

/** End to end: POST /v1/events to the real server (auth, zod, SQLite with rollups) over HTTP. */
export async function overHttp(
  path: string,
  now: () => Date,
  batches: readonly Batch[],
  options: { load: PostWork['load']; seconds: number },
): Promise<Run> {
  const store = await openStore(path, { now, backgroundCheckpoint: true });
  await store.putInsightSettings({ analytics: 'learning' }, 'bench');
  const tokens = new Map<string, string>();
  for (const b of batches)
    if (!tokens.has(b.user.email))
      tokens.set(
        b.user.email,
        await store.addUser({
          email: b.user.email,
          role: 'learner',
          team: b.user.team,
          rotate: false,
        }),
      );
  const server = await startServer(store, {
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
    eventRequestsPerMinute: Number.MAX_SAFE_INTEGER,
  });
  const worker = new Worker(new URL('./post-worker.mjs', import.meta.url), {
    workerData: {
      url: `${server.url}/v1/events`,
      batches: batches.map((b) => ({
        token: tokens.get(b.user.email)!,
        body: JSON.stringify({ install: b.install, events: b.events }),
      })),
      ...options,
    } satisfies PostWork,
  });
  const answer = await new Promise<{ results: PostResult[]; seconds: number }>((resolve, reject) =>
    worker.once('message', resolve).once('error', reject),
  );
  await worker.terminate();
  await server.close();
  const ok = answer.results.filter((r) => r.status === 200 && r.rejected === 0);
  const { load } = options;
  return {
    name:
      'rate' in load
        ? `POST /v1/events, open loop at ${Math.round(load.rate * 500).toLocaleString('en')} events/s offered`
        : `POST /v1/events, closed loop (${load.concurrency} in flight): saturation`,
    events: ok.reduce((n, r) => n + r.accepted, 0),
    seconds: answer.seconds,
    latencies: answer.results.map((r) => r.ms),
    problems: answer.results.length - ok.length,
  };
}
