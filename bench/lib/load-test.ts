/**
 * A typed wrapper over autocannon's programmatic API (the package ships no types), run in one
 * worker thread so the load generator does not share the event loop of servers in this process.
 * https://github.com/mcollina/autocannon#api
 */
import { createRequire } from 'node:module';

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  workers?: number;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  /** Responses with another status than expected, plus errors and timeouts. */
  unexpected: number;
}

export async function loadTest(
  url: string,
  options: {
    headers: Record<string, string>;
    status: number;
    seconds: number;
    connections: number;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    workers: 1,
  });
  return summarize(result, options.status);
}

export function summarize(result: AutocannonResult, status: number): LoadResult {
  const wrongStatus = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== status)
    .reduce((sum, [, { count }]) => sum + Number(count), 0);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    unexpected: wrongStatus + result.errors + result.timeouts,
  };
}
