/**
 * `BENCH_ANCHOR_BEFORE=<git ref> npm run bench:anchors`: the same anchors resolved cold by this
 * tree's resolver and by `lib/anchors` as it was at <ref> (extracted under node_modules/.cache/, out
 * of the test, lint and type-check globs, with the same packages in reach), in
 * turns, in each engine the bench runs, so a speed-up is read as a ratio under the same load. In
 * Chromium both run with their narrowing by container plugged in, as the extension does on large
 * pages (a tree from before it has none).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { beforeAfter, type BeforeAfter } from './anchor-timing';

const ROOT = join(import.meta.dirname, '..', '..');
const COPY = join(ROOT, 'node_modules', '.cache', 'bench-before-anchors');
const ENTRY = join(COPY, 'lib', 'anchors', 'index.ts');

/** `lib/anchors` at `ref`, written to COPY. */
export function extractBefore(ref: string): void {
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(COPY, { recursive: true });
  const archive = execFileSync('git', ['archive', ref, 'lib/anchors'], { cwd: ROOT });
  execFileSync('tar', ['-x', '-C', COPY], { input: archive });
}

export async function beforeAfterInJsdom(html: string, count: number): Promise<BeforeAfter> {
  const before = (await import(pathToFileURL(ENTRY).href)) as Parameters<typeof beforeAfter>[2];
  const { document } = new JSDOM(`<!doctype html>${html}`).window;
  return beforeAfter(document, count, before);
}

/** The bundle that `beforeAfterInChromium` adds to each page. */
export async function beforeAfterBundle(): Promise<string> {
  const timing = join(import.meta.dirname, 'anchor-timing.ts');
  const out = await build({
    stdin: {
      contents: `import * as before from ${JSON.stringify(ENTRY)};
        import { beforeAfter, plugNarrowing } from ${JSON.stringify(timing)};
        // Both resolvers as the extension runs them on large pages: the earlier tree's narrowing
        // by container plugged in too, where it had one (from issue 13's second round on).
        const plugBefore = () => {
          if (before.narrowing && before.pickInScope) before.narrowing.pick = before.pickInScope;
        };
        export const run = (count) => (plugNarrowing(), plugBefore(), beforeAfter(document, count, before));`,
      resolveDir: ROOT,
    },
    bundle: true,
    format: 'iife',
    globalName: '__anchorBeforeAfter',
    write: false,
    target: 'chrome120',
  });
  return out.outputFiles[0]?.text ?? '';
}

export async function beforeAfterInChromium(
  page: Page,
  code: string,
  count: number,
): Promise<BeforeAfter> {
  await page.addScriptTag({ content: code });
  return page.evaluate(
    (n) =>
      (
        window as unknown as { __anchorBeforeAfter: { run: (n: number) => BeforeAfter } }
      ).__anchorBeforeAfter.run(n),
    count,
  );
}
