import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const AUDIT_OUT = join(ROOT, '.output-a11y');
export const AUDIT_EXTENSION = join(AUDIT_OUT, 'chrome-mv3');

/**
 * Builds the extension a second time, into .output-a11y, with the in-page UI's shadow root OPEN
 * (WXT_OPEN_SHADOW=1, entrypoints/page.content/ui-root.ts) so axe can enter it. Only this test
 * build is open; the shipped one stays closed (a11y.spec.ts checks that too).
 */
export function buildAuditExtension(): void {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WXT_OPEN_SHADOW: '1', WAYMARK_OUT_DIR: AUDIT_OUT },
  });
}
