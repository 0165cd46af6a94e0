import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from './source-file';

/** Test-only: the realistic exports written for the importers' tests. */
export const IMPORT_FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'import');

/** Every text file of a fixture export, with paths relative to it (as the command line reads them). */
export function fixtureFiles(name: string): SourceFile[] {
  const root = join(IMPORT_FIXTURES, name);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(png|jpe?g|gif)$/i.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** A fixed clock for plans (tests never depend on the day they run). */
export const PLAN_NOW = new Date('2026-06-15T09:30:00Z');
