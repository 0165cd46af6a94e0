/**
 * The modules that carry the product's promises, for `npm run test:mutation` (issue 18): what
 * Stryker mutates in each, and the test files that guard it (only those run against its mutants,
 * so a score says what those tests catch). Order: smallest first.
 */
import { readFileSync } from 'node:fs';

/**
 * `file:first-last` for the top-level `export const <name>` in `file`, to its closing `};`.
 * @param {string} file
 * @param {string} name
 */
function linesOf(file, name) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = lines.findIndex((line) => line.startsWith(`export const ${name}`));
  const last = lines.findIndex((line, i) => i > first && line.startsWith('};'));
  if (first === -1 || last === -1) {
    // Inside Stryker's sandbox the file is instrumented and the vitest config that loads this
    // module needs only the tests, not the range: the whole file stands in there.
    if (/stryMutAct_|stryCov_/.test(lines.join('\n'))) return file;
    throw new Error(`${file}: no top-level "export const ${name}"`);
  }
  return `${file}:${first + 1}-${last + 1}`;
}

/**
 * @typedef {{ mutate: string[], tests: string[], tsconfig?: string }} MutationModule
 * @type {Record<string, MutationModule>}
 */
export const MUTATION_MODULES = {
  policy: {
    mutate: ['server/policy.ts'],
    tsconfig: 'server/tsconfig.json',
    tests: ['server/policy.test.ts', 'server/role-access.test.ts'],
  },
  senders: {
    // The sender table (allowedSenders, found by name so new messages do not shift it) and the
    // router that enforces it.
    mutate: [linesOf('lib/message-schemas.ts', 'allowedSenders'), 'lib/runtime/router.ts'],
    tests: ['entrypoints/background/senders.test.ts', 'lib/runtime/router.test.ts'],
  },
  audience: {
    mutate: ['lib/knowledge/page-ranking.ts'],
    tests: ['lib/knowledge/page-ranking.test.ts'],
  },
  'link-safety': {
    mutate: ['lib/markdown/link-safety.ts'],
    // Not render-xss.test.ts: its XSS corpus would run again for each of the 47 static mutants here.
    tests: ['lib/markdown/link-safety.test.ts'],
  },
  markdown: {
    // Static mutants (the allow-lists and patterns, built when the module loads) included: each
    // re-runs every test below, so these are the fast files with literal expected output, not
    // render-xss.test.ts (its corpus per static mutant took about 40 minutes here).
    mutate: [
      'lib/markdown/render-html.ts',
      'lib/markdown/render-dom.ts',
      'lib/markdown/literal-text.ts',
    ],
    tests: [
      'lib/markdown/sanitize-html.test.ts',
      'lib/markdown/render.test.ts',
      'lib/markdown/render-dom.test.ts',
      'lib/markdown/literal-text.test.ts',
      'lib/markdown/link-safety.test.ts',
    ],
  },
  'search-metrics': {
    mutate: ['lib/search/bench/metrics.ts'],
    tests: ['lib/search/bench/metrics.test.ts', 'bench/lib/search-measure.test.ts'],
  },
  // The launcher's ranking of a page's items (relevant now / more), beside `audience` (who may see one).
  ranking: {
    mutate: ['lib/knowledge/suggest.ts'],
    tests: [
      'lib/knowledge/suggest.test.ts',
      'lib/knowledge/suggest-ranking.test.ts',
      'lib/knowledge/suggest-scores.test.ts',
    ],
  },
  'insights-privacy': {
    // What the organisation's analytics level lets the extension send, and the k-anonymity floors.
    mutate: ['lib/insights/policy.ts', 'lib/insights/k-anonymity.ts'],
    tests: ['lib/insights/policy.test.ts', 'lib/insights/k-anonymity.test.ts'],
  },
  'sync-apply': {
    mutate: ['lib/sync/apply.ts'],
    tests: ['lib/sync/apply.test.ts', 'lib/sync/engine-faults.test.ts'],
  },
  'sync-engine': {
    // One sync run (engine.ts) and how it follows the feed page by page or rebuilds (read-feed.ts).
    mutate: ['lib/sync/engine.ts', 'lib/sync/read-feed.ts'],
    tests: [
      'lib/sync/engine.test.ts',
      'lib/sync/engine-faults.test.ts',
      'lib/sync/engine-edges.test.ts',
    ],
  },
  detection: {
    // Host matching (hosts.ts), screen rules (screens.ts), one app's screens in order
    // (app-detector.ts, what the content script runs) and the catalogue that combines them; not
    // the DOM context readers (dom.ts) nor unwrap rules (unwrap.ts).
    mutate: [
      'lib/context/hosts.ts',
      'lib/context/screens.ts',
      'lib/context/app-detector.ts',
      'lib/context/catalogue.ts',
    ],
    // Not fixtures.test.ts: its 340 fixture pages cover every mutant, about 35 minutes a run here.
    tests: [
      'lib/context/hosts.test.ts',
      'lib/context/catalogue.test.ts',
      'lib/context/catalogue-edges.test.ts',
    ],
  },
  anchors: {
    // The scoring of a candidate element against a recorded anchor signature (score.ts), not
    // candidate collection (rank.ts, locate.ts) nor recording (pick.ts). The scenario suites take
    // minutes per run, so score-weights.test.ts states each signal's effect as a literal value.
    mutate: ['lib/anchors/score.ts'],
    tests: ['lib/anchors/score.test.ts', 'lib/anchors/score-weights.test.ts'],
  },
  workflow: {
    mutate: ['server/workflow.ts'],
    tsconfig: 'server/tsconfig.json',
    tests: ['server/workflow-routes.test.ts', 'server/workflow-steps.test.ts'],
  },
};

/**
 * The module named by WAYMARK_MUTATION (one name), or an error naming the choices.
 * @param {string | undefined} name
 * @returns {MutationModule & { name: string }}
 */
export function chosenModule(name = process.env.WAYMARK_MUTATION) {
  const module = name === undefined ? undefined : MUTATION_MODULES[name];
  if (module === undefined)
    throw new Error(
      `WAYMARK_MUTATION must name one module: ${Object.keys(MUTATION_MODULES).join(', ')} (got ${name ?? 'nothing'})`,
    );
  return { name: String(name), ...module };
}
