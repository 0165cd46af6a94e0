import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleIsFresh, fingerprintFileOf, sourcesFingerprint } from './fingerprint';

let root: string;
const bundle = () => join(root, 'build', 'starter-pack.json');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'waymark-fingerprint-'));
  mkdirSync(join(root, 'content', 'apps'), { recursive: true });
  mkdirSync(join(root, 'lib', 'content-files'), { recursive: true });
  mkdirSync(join(root, 'build'));
  writeFileSync(join(root, 'content', 'apps', 'zendesk.yaml'), 'id: zendesk\n');
  writeFileSync(join(root, 'lib', 'content-files', 'bundle.ts'), 'export {};\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What `waymark content build` leaves behind: the bundle and the record of its sources. */
function built(): void {
  writeFileSync(bundle(), '{}');
  writeFileSync(fingerprintFileOf(bundle()), sourcesFingerprint(root));
}

describe('bundleIsFresh', () => {
  it('returns false when there is no bundle', () => {
    expect(bundleIsFresh(root, bundle())).toBe(false);
  });

  it('returns false for a bundle without a record of its sources', () => {
    writeFileSync(bundle(), '{}');
    expect(bundleIsFresh(root, bundle())).toBe(false);
  });

  it('returns true for a bundle built from the sources there are now', () => {
    built();
    expect(bundleIsFresh(root, bundle())).toBe(true);
  });

  it('returns false once a content file changes, is added or is removed', () => {
    built();
    writeFileSync(join(root, 'content', 'apps', 'zendesk.yaml'), 'id: zendesk\nname: Z\n');
    expect(bundleIsFresh(root, bundle())).toBe(false);
    built();
    writeFileSync(join(root, 'content', 'apps', 'jira.yaml'), 'id: jira\n');
    expect(bundleIsFresh(root, bundle())).toBe(false);
    built();
    rmSync(join(root, 'content', 'apps', 'jira.yaml'));
    expect(bundleIsFresh(root, bundle())).toBe(false);
  });

  it('returns false when the code that builds bundles changes, but not for its tests', () => {
    built();
    writeFileSync(join(root, 'lib', 'content-files', 'bundle.test.ts'), 'test\n');
    expect(bundleIsFresh(root, bundle())).toBe(true);
    writeFileSync(join(root, 'lib', 'content-files', 'bundle.ts'), 'export const v = 2;\n');
    expect(bundleIsFresh(root, bundle())).toBe(false);
  });
});
