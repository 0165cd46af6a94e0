import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/*
 * A clone of the repository alone must build, test and bench: nothing may read a path outside
 * it (the workplace's shared folder beside the checkout, a machine's absolute path). This finds
 * code that names such a path, so a test fails the day one is written.
 */

export interface OutsidePath {
  file: string;
  line: number;
  text: string;
  why: string;
}

const CODE = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.sh', '.json']);
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.output',
  '.output-xss',
  '.wxt',
  'build',
  'data',
  'dist',
  'test-results',
  'playwright-report',
  'results',
  'corpus',
  'schema',
  'reports',
  '.stryker-tmp',
]);

/** Code files under `root` (plus extension-less scripts in `.ci/`), skipping generated folders. */
export function codeFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : codeFiles(root, path);
    if (name === 'package-lock.json') return [];
    const inCi = relative(root, dir) === '.ci';
    return CODE.has(extname(name)) || (inCi && extname(name) === '') ? [path] : [];
  });
}

const literalArgs = (args: string): string[] =>
  [...args.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');

/** Problems in one file's text; `file` is its absolute path, `root` the repository's. */
export function findOutsidePaths(text: string, file: string, root: string): OutsidePath[] {
  const found: OutsidePath[] = [];
  const inside = (target: string) => {
    const rel = relative(root, target);
    return !isAbsolute(rel) && rel.split(sep)[0] !== '..';
  };
  text.split('\n').forEach((lineText, index) => {
    const add = (why: string) =>
      found.push({ file: relative(root, file), line: index + 1, text: lineText.trim(), why });
    const parent = ['..', 'shared'];
    if (lineText.includes(parent.join('/')) || lineText.includes(parent.join('\\\\')))
      add('names the shared folder beside the repository');
    if (/['"]\.\.['"]\s*,\s*['"]shared['"]/.test(lineText))
      add('joins a path to the shared folder beside the repository');
    if (/['"]\/(work|home|root|tmp\/shared)\//.test(lineText))
      add("names an absolute path on one machine (use the repository's own files)");
    for (const m of lineText.matchAll(
      /(?:join|resolve)\(\s*(?:import\.meta\.dirname|__dirname)\s*((?:,\s*(?:'[^']*'|"[^"]*")\s*)+)\)/g,
    )) {
      if (!inside(resolve(dirname(file), ...literalArgs(m[1] ?? ''))))
        add('joins a path that climbs out of the repository');
    }
    for (const m of lineText.matchAll(
      /new URL\(\s*(?:'([^']*)'|"([^"]*)")\s*,\s*import\.meta\.url/g,
    )) {
      const rel = m[1] ?? m[2] ?? '';
      if (rel.startsWith('.') && !inside(resolve(dirname(file), rel)))
        add('resolves a URL that climbs out of the repository');
    }
  });
  return found;
}

/** This check and its test: they spell the patterns out as examples, so they are not scanned. */
const SELF = new Set(['scripts/repo-boundary.ts', 'scripts/repo-boundary.test.ts']);

/** Every place in the repository's code that names a path outside it. */
export function scanRepository(root: string): OutsidePath[] {
  return codeFiles(root)
    .filter((file) => !SELF.has(relative(root, file).split(sep).join('/')))
    .flatMap((file) => findOutsidePaths(readFileSync(file, 'utf8'), file, root));
}
