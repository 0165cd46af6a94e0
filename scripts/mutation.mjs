#!/usr/bin/env node
// `npm run test:mutation [-- module…]`: Stryker on each named module (all of them by default), one
// after another, then each module's score. Exits 1 when any module is under the 85 % break mark.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MUTATION_MODULES } from './mutation-modules.mjs';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in MUTATION_MODULES));
if (unknown.length > 0) {
  console.error(
    `unknown module ${unknown.join(', ')}; choose from ${Object.keys(MUTATION_MODULES).join(', ')}`,
  );
  process.exit(2);
}
const scores = [];
let failed = false;
for (const name of names.length > 0 ? names : Object.keys(MUTATION_MODULES)) {
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run'], {
    stdio: 'inherit',
    env: { ...process.env, WAYMARK_MUTATION: name },
  });
  failed ||= run.status !== 0;
  scores.push(`${name}: ${score(name)} (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`\nMutation scores\n${scores.map((s) => `  ${s}`).join('\n')}`);
process.exit(failed ? 1 : 0);

/** Killed + timed out over all valid mutants, from the module's JSON report. */
function score(name) {
  try {
    const text = readFileSync(`reports/mutation/${name}.report.json`, 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSON.parse, typed by the cast
    const report = /** @type {{ files: Record<string, { mutants: { status: string }[] }> }} */ (
      JSON.parse(text)
    );
    const mutants = Object.values(report.files).flatMap((f) => f.mutants);
    const invalid = ['CompileError', 'RuntimeError', 'Ignored'];
    const counted = mutants.filter((m) => !invalid.includes(m.status));
    const caught = counted.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
    const percent = ((100 * caught) / Math.max(1, counted.length)).toFixed(1);
    return `${percent} % (${caught}/${counted.length})`;
  } catch (error) {
    return `no report (${error instanceof Error ? error.message : String(error)})`;
  }
}
