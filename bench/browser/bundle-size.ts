import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  /** Path inside the extension directory, e.g. `content-scripts/page.js`. */
  file: string;
  raw: number;
  gzip: number;
  /** Listed in the manifest's `content_scripts[].js`, i.e. loaded on every matching page. */
  initial: boolean;
}

interface ManifestLike {
  content_scripts?: { js?: string[] }[];
}

/** gzip at the default level (what a CDN or a store listing would report). */
export const gzipBytes = (bytes: Buffer | string): number => gzipSync(bytes).length;

/**
 * Sizes of every content-script entry in a built extension (`content-scripts/*.js`), raw and
 * gzipped, and whether the manifest injects it on page load. Files the manifest lists outside
 * content-scripts/ are included too, so the initial total is what a page really gets.
 */
export function contentScriptSizes(extensionDir: string): EntrySize[] {
  const manifest = JSON.parse(
    readFileSync(join(extensionDir, 'manifest.json'), 'utf8'),
  ) as ManifestLike;
  const injected = new Set(
    (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((f) => f.replace(/^\//, '')),
  );
  let entries: string[] = [];
  try {
    entries = readdirSync(join(extensionDir, 'content-scripts'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `content-scripts/${f}`);
  } catch {
    // No content-scripts folder: only what the manifest lists.
  }
  const files = [...new Set([...entries, ...injected])].sort();
  return files.map((file) => {
    const bytes = readFileSync(join(extensionDir, file));
    return { file, raw: bytes.length, gzip: gzipBytes(bytes), initial: injected.has(file) };
  });
}

/** Total gzip bytes of the entries injected on page load. */
export function initialGzip(sizes: readonly EntrySize[]): number {
  return sizes.filter((s) => s.initial).reduce((sum, s) => sum + s.gzip, 0);
}
