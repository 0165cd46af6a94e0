import { parentPort, workerData } from 'node:worker_threads';

/**
 * The insights bench's load generator, in a worker thread so it does not share the server's event
 * loop. Two shapes of load over the same prepared batches:
 * - closed loop (`concurrency`): that many requests in flight, each sent when one returns, as fast
 *   as the server answers — its saturation throughput; latency is then mostly waiting in line.
 * - open loop (`rate`): batch i is due at start + i / rate seconds whatever the answers so far
 *   (any number in flight), and its latency counts from when it was due, so a server that falls
 *   behind shows it as queueing rather than slowing the load down (no coordinated omission).
 */
export interface PostWork {
  url: string;
  batches: { body: string; token: string }[];
  seconds: number;
  load: { concurrency: number } | { rate: number };
}
export interface PostResult {
  ms: number;
  status: number;
  accepted: number;
  rejected: number;
}

const { url, batches, seconds, load } = workerData as PostWork;
const began = performance.now();
const deadline = began + seconds * 1000;
const results: PostResult[] = [];

/** Sends one batch; its latency runs from `since` (when it was sent, or due). */
async function post(index: number, since: number): Promise<void> {
  const { body, token } = batches[index]!;
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { accepted?: unknown[]; rejected?: unknown[] };
  results.push({
    ms: performance.now() - since,
    status: response.status,
    accepted: answer.accepted?.length ?? 0,
    rejected: answer.rejected?.length ?? 0,
  });
}

async function closedLoop(concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < batches.length && performance.now() < deadline)
      await post(next++, performance.now());
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

async function openLoop(rate: number): Promise<void> {
  const sent: Promise<void>[] = [];
  for (let i = 0; i < batches.length; i++) {
    const due = began + (i * 1000) / rate;
    if (due >= deadline) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(post(i, due));
  }
  await Promise.all(sent);
}

await ('rate' in load ? openLoop(load.rate) : closedLoop(load.concurrency));
parentPort?.postMessage({ results, seconds: (performance.now() - began) / 1000 });
