/**
 * `npm run bench`: every part in sequence, each in its own process (one part's heap and JIT state
 * never colours the next), then the merged table; exits 1 when a budget is missed, saying by how
 * much. Parts whose file does not exist yet are skipped. About 9–10 minutes on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeMiss, renderMarkdown, RESULTS_DIR, writeLatest } from './report';

/** Every part, in run order, with how long it takes on 2 cores (seconds, for the summary). */
const PARTS = [
  { part: 'detect', estimateSeconds: 10 },
  { part: 'anchors', estimateSeconds: 600 },
  { part: 'suggest', estimateSeconds: 15 },
  { part: 'search', estimateSeconds: 480 },
  { part: 'server', estimateSeconds: 60 },
  { part: 'content-script', estimateSeconds: 60 },
  { part: 'sync', estimateSeconds: 60 },
  { part: 'import', estimateSeconds: 120 },
] as const;

/** A part still running after this many times its estimate is stopped and counted as failed. */
const TIMEOUT_FACTOR = 3;

const failed: string[] = [];
const timings: string[] = [];
for (const { part, estimateSeconds } of PARTS) {
  const file = join(import.meta.dirname, `${part}.bench.ts`);
  if (!existsSync(file)) {
    timings.push(`${part}: skipped (no ${part}.bench.ts)`);
    continue;
  }
  // A stale figure must not pass for this run's: the part rewrites its file if it succeeds.
  rmSync(join(RESULTS_DIR, `${part}.json`), { force: true });
  console.log(`\n=== bench: ${part} (about ${estimateSeconds} s) ===`);
  const start = performance.now();
  // A hung part (a browser or server that never answers) must not hang the whole run.
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], {
    stdio: 'inherit',
    timeout: TIMEOUT_FACTOR * estimateSeconds * 1000,
  });
  const seconds = Math.round((performance.now() - start) / 1000);
  timings.push(`${part}: ${seconds} s (estimate ${estimateSeconds} s)`);
  if (run.error !== undefined && 'code' in run.error && run.error.code === 'ETIMEDOUT')
    failed.push(`${part} timed out after ${seconds} s (${TIMEOUT_FACTOR}× its estimate)`);
  else if (run.status !== 0) failed.push(`${part} exited with ${run.status ?? run.signal}`);
}

const latest = writeLatest();
console.log(`\n${renderMarkdown(latest)}`);
console.log(`Time per part: ${timings.join('; ')}`);
console.log(`Results: ${join(RESULTS_DIR, 'latest.json')} and latest.md`);
const missed = latest.budgets.filter((b) => !b.ok);
for (const b of missed) console.error(`BUDGET MISSED (${b.part}) ${describeMiss(b)}`);
for (const f of failed) console.error(`PART FAILED: ${f}`);
process.exitCode = missed.length > 0 || failed.length > 0 ? 1 : 0;
