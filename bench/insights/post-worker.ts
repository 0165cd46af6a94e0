import { parentPort, workerData } from 'node:worker_threads';

/**
 * The insights bench's load generator, in a worker thread so it does not share the server's event
 * loop: POSTs prepared batches with `concurrency` requests in flight until they run out or
 * `seconds` pass, and reports each batch's latency and answer.
 */
export interface PostWork {
  url: string;
  batches: { body: string; token: string }[];
  concurrency: number;
  seconds: number;
}
export interface PostResult {
  ms: number;
  status: number;
  accepted: number;
  rejected: number;
}

const { url, batches, concurrency, seconds } = workerData as PostWork;
const deadline = performance.now() + seconds * 1000;
const results: PostResult[] = [];
let next = 0;

async function lane(): Promise<void> {
  while (next < batches.length && performance.now() < deadline) {
    const { body, token } = batches[next++]!;
    const start = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    const answer = (await response.json()) as { accepted?: unknown[]; rejected?: unknown[] };
    results.push({
      ms: performance.now() - start,
      status: response.status,
      accepted: answer.accepted?.length ?? 0,
      rejected: answer.rejected?.length ?? 0,
    });
  }
}

const began = performance.now();
await Promise.all(Array.from({ length: concurrency }, lane));
parentPort?.postMessage({ results, seconds: (performance.now() - began) / 1000 });
