/**
 * The simulated authors run in their own thread, with their own connections: publish latency is
 * then measured by a client whose event loop is not busy applying 5,000 agents' pages (on the
 * main thread, that lag would be counted as the server's).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { authoredItem, SimulatedAuthor } from './authors';
import { httpClient } from './http';
import { PhaseStats } from './stats';

export interface AuthorWorkerData {
  baseUrl: string;
  authors: { index: number; teams: string[]; authorToken: string; reviewerToken: string }[];
}

/** `create`: create and publish each author's item; `cycles`: edit → review → publish loops. */
export type AuthorCommand =
  { op: 'create' } | { op: 'cycles'; cycles: number; interval: number } | { op: 'close' };

export interface AuthorReport {
  latencies: [string, number[]][];
  statuses: [number, number][];
  errors: number;
  failures: number;
}

const data = workerData as AuthorWorkerData;
const http = httpClient(data.baseUrl, 64);
const authors = data.authors.map(
  (a) => new SimulatedAuthor(authoredItem(a.index, a.teams), a.authorToken, a.reviewerToken),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each author runs `cycles` cycles, one every `interval` seconds, starting at a random moment. */
async function cycles(stats: PhaseStats, count: number, interval: number): Promise<void> {
  await Promise.all(
    authors.map(async (author) => {
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        if (interval > 0) await sleep(Math.random() * interval * 1000);
        await author.cycle(http, stats);
        const rest = interval * 1000 - (performance.now() - started);
        if (rest > 0 && i < count - 1) await sleep(rest);
      }
    }),
  );
}

parentPort?.on('message', (command: AuthorCommand) => {
  if (command.op === 'close') {
    http.close();
    parentPort?.close();
    return;
  }
  const stats = new PhaseStats();
  const work =
    command.op === 'create'
      ? Promise.all(authors.map((author) => author.create(http, stats)))
      : cycles(stats, command.cycles, command.interval);
  void work.then(() => {
    const report: AuthorReport = {
      latencies: [...stats.latencies],
      statuses: [...stats.statuses],
      errors: stats.errors,
      failures: authors.reduce((n, a) => n + a.failures, 0),
    };
    parentPort?.postMessage(report);
  });
});
