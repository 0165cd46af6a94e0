import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Whether the starter pack in build/ still matches its sources. Node only and free of path
 * aliases, because wxt.config.ts loads it (WXT's config loader does not resolve `@/`).
 */

/** What the bundle is made from: the content folder and the code that checks and builds it. */
export function bundleSources(root: string): string[] {
  return [
    join(root, 'content'),
    join(root, 'lib', 'content-files'),
    join(root, 'lib', 'content-model'),
  ];
}

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name.endsWith('.test.ts') ? [] : [path];
  });
}

/** A hash of every source file's path (relative to `root`) and bytes, in a stable order. */
export function sourcesFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = bundleSources(root)
    .flatMap(filesUnder)
    .map((path) => relative(root, path).split('\\').join('/'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The file beside a bundle that records the fingerprint it was built from. */
export const fingerprintFileOf = (bundlePath: string): string => `${bundlePath}.sources`;

/** True when the bundle exists and was built from exactly the sources there are now. */
export function bundleIsFresh(root: string, bundlePath: string): boolean {
  try {
    statSync(bundlePath);
    return readFileSync(fingerprintFileOf(bundlePath), 'utf8').trim() === sourcesFingerprint(root);
  } catch {
    return false;
  }
}
