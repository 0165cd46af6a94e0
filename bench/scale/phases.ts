import { loadavg } from 'node:os';
import type { Store } from '@/server/store';
import { spread, type SimulatedAgent } from './agents';
import type { AuthorPool } from './author-pool';
import type { HttpClient } from './http';
import { PhaseStats } from './stats';
import { verifyAgents } from './verify';

export interface PhaseResult {
  name: string;
  seconds: number;
  stats: PhaseStats;
  missed: number;
  stale: number;
  agentsWrong: number;
  /** The machine's 1-minute load average at the end of the phase (2 cores: above 2 is contention). */
  load: number;
}

export interface Run {
  http: HttpClient;
  store: Store;
  agents: SimulatedAgent[];
  authors: AuthorPool;
}

/** Every agent syncs once more with no writer running, then each is checked against the DB. */
async function settle(run: Run, stats: PhaseStats) {
  await inParallel(run.agents, 200, (agent) => agent.sync(run.http, stats));
  return verifyAgents(run.store, run.agents);
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Times a phase, then settles and verifies; the settle's requests count for errors too. */
export async function phase(
  run: Run,
  name: string,
  body: (stats: PhaseStats) => Promise<void>,
): Promise<PhaseResult> {
  const stats = new PhaseStats();
  const started = performance.now();
  await body(stats);
  const seconds = (performance.now() - started) / 1000;
  const check = new PhaseStats();
  const verified = await settle(run, check);
  stats.gone += check.gone;
  stats.serverErrors += check.serverErrors;
  stats.errors += check.errors;
  const load = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  console.error(
    `scale: ${name}: ${stats.count()} requests in ${seconds.toFixed(1)} s; ${verified.missed} missed, ${verified.stale} stale; load average ${load}`,
  );
  return { name, seconds, stats, ...verified, load };
}

/** Agents sync every `interval` seconds for `rounds` rounds, each at its own moment. */
export async function polling(run: Run, stats: PhaseStats, rounds: number, interval: number) {
  for (let round = 0; round < rounds; round++)
    await spread(run.agents, interval, (agent) => agent.sync(run.http, stats));
}

/** Idle syncs as fast as `concurrency` clients can send them, for `seconds`. */
export async function ceiling(run: Run, stats: PhaseStats, seconds: number, concurrency: number) {
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until)
        await run.agents[next++ % run.agents.length]!.sync(run.http, stats);
    }),
  );
}
