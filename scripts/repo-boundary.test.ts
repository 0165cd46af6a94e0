import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOutsidePaths, scanRepository } from './repo-boundary';

const ROOT = join(import.meta.dirname, '..');
const at = (path: string) => join(ROOT, path);
const find = (code: string, file = 'lib/markdown/render.test.ts') =>
  findOutsidePaths(code, at(file), ROOT).map((f) => f.why);

describe('findOutsidePaths', () => {
  it('reports a relative path to the shared folder beside the checkout', () => {
    const dots = '../..';
    expect(find(`readFileSync('${dots}/shared/security/x.json')`)).toHaveLength(1);
  });

  it("reports a join of '..' and 'shared'", () => {
    expect(find(`join(ROOT, '..', 'shared', 'corpus')`)).toContain(
      'joins a path to the shared folder beside the repository',
    );
  });

  it('reports a join from the file that climbs out of the repository, and not one that stays in', () => {
    expect(find(`join(import.meta.dirname, '..', '..', '..', 'other')`)).toEqual([
      'joins a path that climbs out of the repository',
    ]);
    expect(find(`join(import.meta.dirname, '..', '..', 'tests', 'fixtures')`)).toEqual([]);
  });

  it('reports a URL relative to the module that climbs out, and not one that stays in', () => {
    const file = 'bin/commands/bench-search.ts';
    expect(find(`new URL('../../../elsewhere/', import.meta.url)`, file)).toEqual([
      'resolves a URL that climbs out of the repository',
    ]);
    expect(find(`new URL('../../bench/corpus/', import.meta.url)`, file)).toEqual([]);
  });

  it('reports an absolute path on one machine', () => {
    expect(find(`const f = '/work/main/content';`)).toHaveLength(1);
  });
});

describe('the repository', () => {
  it('names no path outside itself in any source, test, script or config file', () => {
    expect(scanRepository(ROOT)).toEqual([]);
  });
});
