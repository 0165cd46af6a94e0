// Mutation testing (issue 18, docs/testing.md): `npm run test:mutation -- <module>` runs Stryker
// on one module of scripts/mutation-modules.mjs against the tests that guard it.
import { chosenModule } from './scripts/mutation-modules.mjs';

const module = chosenModule();

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
  vitest: { configFile: 'vitest.mutation.config.mjs', related: false },
  // The type checker starts by checking the whole project (minutes on a shared 2-core machine)
  // to spare test runs that take about a second here, so it is opt-in: WAYMARK_MUTATION_TYPECHECK=1.
  // Without it a mutant that would not compile but passes the tests counts as surviving, which
  // can only lower a score.
  ...(process.env.WAYMARK_MUTATION_TYPECHECK === '1'
    ? {
        checkers: ['typescript'],
        tsconfigFile: module.tsconfig ?? 'tsconfig.json',
        typescriptChecker: { prioritizePerformanceOverAccuracy: true },
      }
    : {}),
  mutate: module.mutate,
  coverageAnalysis: 'perTest',
  // The machine is shared: one test process at a time.
  concurrency: 1,
  // Incremental: a run after a small change re-tests only the mutants it touches. One file per
  // module, kept in git so the next run (and CI) starts from the last one.
  incremental: true,
  incrementalFile: `reports/mutation/${module.name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${module.name}.report.json` },
  thresholds: { high: 90, low: 85, break: 85 },
  // The sandbox needs sources and tests only, not build output or browser-test artefacts.
  ignorePatterns: ['.output', 'build', 'test-results', 'data', 'docs', 'reports', 'bench/corpus'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
