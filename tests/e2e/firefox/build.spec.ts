import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIREFOX_EXTENSION_DIR, GECKO_ID } from '../support/firefox';

/** `npm run build:firefox` is an add-on Firefox accepts: its manifest, and Mozilla's own linter. */
const manifest = () =>
  JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;

test('the Firefox build is MV3 with a fixed id, a sidebar, an event page and no Chrome-only permission', () => {
  const m = manifest();
  expect(m.manifest_version).toBe(3);
  expect(m.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID } });
  expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
  expect(m).not.toHaveProperty('side_panel');
  // An event page: background scripts, never a service worker (and never persistent in MV3).
  expect(m.background).toEqual({ scripts: ['background.js'] });
  // identity: sign-in through the organisation's identity provider (launchWebAuthFlow).
  expect(m.permissions).toEqual(['storage', 'alarms', 'scripting', 'identity']);
  // Chrome's managed-storage schema key means nothing to Firefox (README: managed storage).
  expect(m).not.toHaveProperty('storage');
  // Host access beyond the apps' content scripts is asked for at run time, never upfront.
  expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(m).not.toHaveProperty('host_permissions');
  const [script] = m.content_scripts as { matches: string[] }[];
  expect(script?.matches).toContain('https://*.zendesk.com/*');
});

test('web-ext lint finds no errors in the Firefox build', () => {
  // web-ext's linter is Mozilla's addons-linter, the one addons.mozilla.org runs; offline.
  const lint = () =>
    execFileSync(
      join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
  let out: string;
  try {
    out = lint();
  } catch (error) {
    // It exits 1 when it finds errors; the report is still on stdout.
    out = String((error as { stdout?: string }).stdout ?? error);
  }
  const report = JSON.parse(out) as {
    summary: { errors: number };
    errors: { code: string; message: string; file?: string }[];
  };
  expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});
