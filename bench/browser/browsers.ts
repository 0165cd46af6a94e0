import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { callBackground, CHROMIUM_ARGS, EXTENSION_DIR } from '../../tests/e2e/support/extension';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Builds the extension (npm run build) when .output/chrome-mv3 has no manifest yet. */
export function ensureBuilt(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  console.log('bench: no built extension, running npm run build');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The baseline browser: the same Chromium binary, flags and host mapping as
 * tests/e2e/support/extension.ts launchWithExtension, in its own persistent profile, with no
 * extension loaded. Only the two extension flags differ.
 */
export async function launchWithoutExtension(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'waymark-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A background message from an extension page (the shared test helper). */
export const call = callBackground;

/**
 * Polls the extension's IndexedDB `items` count from an extension page until it reaches
 * `atLeast`; resolves with the page's Date.now() at that moment (the same clock as Node's).
 * A read transaction waits for a running write one, so this fires right after its commit.
 * The page function is a string: tsx (esbuild keepNames) would wrap named inner functions in a
 * `__name` helper the page does not have.
 */
export function whenItemsReach(page: Page, atLeast: number, timeoutMs: number): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const target = ${Number(atLeast)};
    const deadline = Date.now() + ${Number(timeoutMs)};
    const open = indexedDB.open('waymark');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      (function poll() {
        const count = db.transaction('items').objectStore('items').count();
        count.onerror = () => reject(new Error(String(count.error)));
        count.onsuccess = () => {
          if (count.result >= target) {
            db.close();
            resolve(Date.now());
          } else if (Date.now() > deadline) {
            db.close();
            reject(new Error('items stayed at ' + count.result + ' (< ' + target + ')'));
          } else setTimeout(poll, 10);
        };
      })();
    };
  })`);
}
