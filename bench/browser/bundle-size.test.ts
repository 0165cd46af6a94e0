import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentScriptSizes, gzipBytes, initialGzip } from './bundle-size';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function extension(files: Record<string, string>, js: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'content-scripts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, content_scripts: [{ matches: ['<all_urls>'], js }] }),
  );
  return dir;
}

describe('content script sizes', () => {
  it('measures every entry raw and gzipped and marks the injected ones', () => {
    const big = 'console.log("waymark");\n'.repeat(200);
    const dir = extension(
      { 'content-scripts/page.js': big, 'content-scripts/lazy.js': 'export {};' },
      ['content-scripts/page.js'],
    );
    const sizes = contentScriptSizes(dir);
    expect(sizes.map((s) => [s.file, s.initial])).toEqual([
      ['content-scripts/lazy.js', false],
      ['content-scripts/page.js', true],
    ]);
    const page = sizes.find((s) => s.file === 'content-scripts/page.js')!;
    expect(page.raw).toBe(Buffer.byteLength(big));
    expect(page.gzip).toBe(gzipBytes(big));
    expect(page.gzip).toBeLessThan(page.raw);
    expect(initialGzip(sizes)).toBe(page.gzip);
  });

  it('counts a manifest script outside content-scripts/ as initial', () => {
    const dir = extension({ 'boot.js': 'void 0;' }, ['/boot.js']);
    expect(contentScriptSizes(dir)).toEqual([
      { file: 'boot.js', raw: 7, gzip: gzipBytes('void 0;'), initial: true },
    ]);
  });
});
