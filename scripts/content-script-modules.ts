/**
 * Where the content script's bytes come from: builds the Chrome extension with source maps into a
 * temporary directory and prints, per source module, its raw bytes (UTF-8) in the entry's file and
 * those bytes gzipped on their own (a module's share of the whole file's gzip is smaller: gzip
 * finds repeats across modules). `npx tsx scripts/content-script-modules.ts [entry]`, entry
 * `page` by default; the lazy parts too: `guidance`, `author-tools`, `launcher-menu`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { codeBySource, type SourceMapLike } from './source-map-sizes';

const ROOT = resolve(import.meta.dirname, '..');
const entry = process.argv[2] ?? 'page';
const out = mkdtempSync(join(tmpdir(), 'waymark-cs-modules-'));
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
try {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WAYMARK_OUT_DIR: out, WAYMARK_SOURCEMAP: '1' },
  });
  const dir = join(out, 'chrome-mv3');
  const file = [join(dir, 'content-scripts', `${entry}.js`), join(dir, `${entry}.js`)].find(
    (path) => existsSync(path),
  );
  if (file === undefined) throw new Error(`no ${entry}.js in the build (${dir})`);
  // Without the build's `//# sourceMappingURL=` line: the bytes `npm run build` ships.
  const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapLike;
  const rows = [...codeBySource(code, map)]
    .map(([source, text]) => ({ source, raw: Buffer.byteLength(text), gzip: gzip(text) }))
    .sort((a, b) => b.raw - a.raw);
  const name = (source: string) =>
    source.startsWith('(') ? source : relative(ROOT, resolve(dirname(file), source));
  console.log(
    `${relative(dir, file)}: ${Buffer.byteLength(code)} B raw, ${gzip(code)} B gzip -9 (Node's zlib;` +
      ` GNU gzip -9, the README's figure, is a few dozen bytes smaller)\n`,
  );
  console.log('    raw  gzip alone  module');
  for (const row of rows)
    console.log(
      `${String(row.raw).padStart(7)} ${String(row.gzip).padStart(11)}  ${name(row.source)}`,
    );
} finally {
  rmSync(out, { recursive: true, force: true });
}
