#!/usr/bin/env node
// `npm run test:mutation [-- module…] [--force]`: Stryker on each named module (all of them by default), one
// after another, then each module's score. Exits 1 when any module is under the 85 % break mark.
// `--changed` picks the modules whose mutated or test files differ from the sources recorded in
// their committed incremental file (reports/mutation/<module>.incremental.json): CI runs that.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MUTATION_MODULES } from './mutation-modules.mjs';

const args = process.argv.slice(2);
const changedOnly = args.includes('--changed');
// `--force`: every mutant again, ignoring the incremental file (Stryker reuses a static mutant's
// result even when a test file was added, since no test covers it by name).
const force = args.includes('--force');
const names = args.filter((a) => a !== '--changed' && a !== '--force');
const unknown = names.filter((n) => !(n in MUTATION_MODULES));
if (unknown.length > 0) {
  console.error(
    `unknown module ${unknown.join(', ')}; choose from ${Object.keys(MUTATION_MODULES).join(', ')}`,
  );
  process.exit(2);
}
let chosen = names.length > 0 ? names : Object.keys(MUTATION_MODULES);
if (changedOnly) {
  const reasons = chosen.map((name) => [name, changeSince(name)]);
  for (const [name, reason] of reasons)
    console.log(`mutation ${name}: ${reason ?? 'unchanged since its incremental file'}`);
  // A module never run has no baseline to compare with and may take long: run it by name.
  chosen = reasons
    .filter(([, reason]) => reason !== undefined && reason !== 'no incremental file')
    .map(([name]) => name);
  if (chosen.length === 0) process.exit(0);
}
const scores = [];
let failed = false;
for (const name of chosen) {
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', ...(force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, WAYMARK_MUTATION: name },
  });
  failed ||= run.status !== 0;
  scores.push(`${name}: ${score(name)} (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`\nMutation scores\n${scores.map((s) => `  ${s}`).join('\n')}`);
process.exit(failed ? 1 : 0);

/**
 * @param {string} path
 * @returns {unknown}
 */
function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** @param {string} path */
function sourceOf(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Why `name` needs a run: no incremental file, or a mutated or test file whose text differs from
 * the one recorded there (or that is gone). Undefined when nothing changed.
 * @param {string} name
 * @returns {string | undefined}
 */
function changeSince(name) {
  /** @typedef {Record<string, { source?: string } | undefined>} Sources */
  /** @type {{ files: Sources, testFiles?: Sources }} */
  let recorded;
  try {
    recorded = /** @type {{ files: Sources, testFiles?: Sources }} */ (
      readJson(`reports/mutation/${name}.incremental.json`)
    );
  } catch {
    return 'no incremental file';
  }
  const { mutate, tests } = /** @type {{ mutate: string[], tests: string[] }} */ (
    MUTATION_MODULES[name]
  );
  const files = [...new Set(mutate.map((pattern) => pattern.replace(/:\d+-\d+$/, '')))];
  for (const file of files)
    if (sourceOf(file) !== recorded.files[file]?.source) return `${file} changed`;
  for (const file of tests)
    if (sourceOf(file) !== recorded.testFiles?.[file]?.source) return `${file} changed`;
  return undefined;
}

/** Killed + timed out over all valid mutants, from the module's JSON report. */
function score(name) {
  try {
    const report = /** @type {{ files: Record<string, { mutants: { status: string }[] }> }} */ (
      readJson(`reports/mutation/${name}.report.json`)
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
