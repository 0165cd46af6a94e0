/**
 * The modules that carry the product's promises, for `npm run test:mutation` (issue 18): what
 * Stryker mutates in each, and the test files that guard it (only those run against its mutants,
 * so a score says what those tests catch). Order: smallest first.
 */
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
    // The sender table (allowedSenders) and the router that enforces it.
    mutate: ['lib/message-schemas.ts:250-313', 'lib/runtime/router.ts'],
    tests: ['entrypoints/background/senders.test.ts', 'lib/runtime/router.test.ts'],
  },
  audience: {
    mutate: ['lib/knowledge/page-ranking.ts'],
    tests: ['lib/knowledge/page-ranking.test.ts'],
  },
  'link-safety': {
    mutate: ['lib/markdown/link-safety.ts'],
    tests: ['lib/markdown/link-safety.test.ts', 'lib/markdown/render.test.ts'],
  },
  markdown: {
    mutate: [
      'lib/markdown/render-html.ts',
      'lib/markdown/render-dom.ts',
      'lib/markdown/literal-text.ts',
    ],
    tests: ['lib/markdown/render.test.ts', 'lib/markdown/link-safety.test.ts'],
  },
  'search-metrics': {
    mutate: ['lib/search/bench/metrics.ts'],
    tests: ['lib/search/bench/metrics.test.ts', 'bench/lib/search-measure.test.ts'],
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
