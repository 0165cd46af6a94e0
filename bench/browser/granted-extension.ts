import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../tests/e2e/support/extension';

/**
 * A copy of the built extension whose manifest already holds host access to `origin`: the state
 * after a user connects in the options page and allows the server (optional_host_permissions).
 * A browser prompt cannot be clicked in headless Chromium, so the grant is written in. With it the
 * service worker's fetches to the server are not subject to CORS — no preflights — as in real use.
 */
export function extensionGrantedFor(origin: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'waymark-granted-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${origin}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
