import { describe, expect, it } from 'vitest';
import { packagePaths } from './server-apps';

describe('packagePaths', () => {
  const base = 'moz-extension://5d0c2a4e-7b1f-4c3a-9e6d-2f8b1a7c4e90/';
  it('turns the full URLs Firefox’s getManifest() returns into package paths', () => {
    expect(packagePaths([`${base}content-scripts/page.js`], base)).toEqual([
      'content-scripts/page.js',
    ]);
  });

  it('keeps the relative paths Chromium returns', () => {
    expect(packagePaths(['content-scripts/page.js'], 'chrome-extension://abc/')).toEqual([
      'content-scripts/page.js',
    ]);
  });
});
