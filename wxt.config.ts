import { execFileSync } from 'node:child_process';
import { CHROME_KEY } from './scripts/extension-key';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { bundleIsFresh } from './lib/content-files/fingerprint';
import { browserLocaleFiles, MANIFEST_MESSAGES } from './lib/i18n/browser-locales';
import { contentScriptPatterns } from './lib/context/match-patterns';
import { declaredFirefoxCategories } from './lib/insights/event-types';
import { cssString } from './scripts/css-string';

/**
 * The starter pack the extension ships: `npm run build` writes it with `waymark content build`.
 * WAYMARK_STARTER_PACK points at another bundle (the browser tests build one full of XSS payloads)
 * and WAYMARK_OUT_DIR puts that build elsewhere.
 */
const STARTER_PACK = resolve(
  import.meta.dirname,
  process.env.WAYMARK_STARTER_PACK ?? 'build/starter-pack.json',
);

/**
 * Every route to a build (`npm run build`, `npx wxt build`, `npx wxt`) ships the starter pack of
 * the content as it is now: when build/starter-pack.json is missing or was built from other
 * sources, `waymark content build` runs first (and refuses, listing every problem, on bad content).
 */
const NATIVE_BROWSER = resolve(import.meta.dirname, 'lib/runtime/native-browser.ts');
const PAGE_CONTEXT = resolve(import.meta.dirname, 'lib/runtime/page-context.ts');

function ensureStarterPack(): void {
  if (process.env.WAYMARK_STARTER_PACK !== undefined) return;
  if (bundleIsFresh(import.meta.dirname, STARTER_PACK)) return;
  try {
    execFileSync(
      process.execPath,
      [resolve(import.meta.dirname, 'bin', 'waymark.mjs'), 'content', 'build'],
      {
        stdio: 'inherit',
      },
    );
  } catch {
    throw new Error('the starter pack could not be built from content/ (problems listed above)');
  }
}

function catalogueApps(): { hosts: string[]; exclude_hosts: string[] }[] {
  try {
    return (
      JSON.parse(readFileSync(STARTER_PACK, 'utf8')) as {
        apps: { hosts: string[]; exclude_hosts: string[] }[];
      }
    ).apps;
  } catch {
    throw new Error(
      `${STARTER_PACK} is missing or unreadable: run \`npm run content:build\` (npm run build does it)`,
    );
  }
}

/**
 * Firefox's add-on id: fixed, so storage, granted permissions and the managed-storage manifest
 * (`<id>.json`, see README) stay with the add-on across updates. MV3 requires one.
 */
const GECKO_ID = 'waymark@waymark.invalid';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // WAYMARK_SOURCEMAP=1: source maps for scripts/content-script-modules.ts (where the bytes go).
  vite: () => ({
    plugins: [cssString()],
    ...(process.env.WAYMARK_SOURCEMAP === '1' ? { build: { sourcemap: true } } : {}),
  }),
  ...(process.env.WAYMARK_OUT_DIR ? { outDir: process.env.WAYMARK_OUT_DIR } : {}),
  // Manifest V3 for every browser, Firefox included (140+, ESR too: event pages, action, scripting,
  // optional_host_permissions): one manifest version, one code path. Why: docs/adr/0005.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // In the browser's language: _locales/ is generated from lib/i18n/catalogues.
    default_locale: 'en',
    name: `__MSG_${MANIFEST_MESSAGES.name}__`,
    description: `__MSG_${MANIFEST_MESSAGES.description}__`,
    // WXT adds `sidePanel` for Chromium and turns the side panel into Firefox's `sidebar_action`.
    // `identity`: sign-in through the organisation's identity provider (launchWebAuthFlow).
    permissions: ['storage', 'alarms', 'scripting', 'identity'],
    // The content server's origin and admin-added apps' hosts are asked for when the user connects
    // or enables the app (options page), never upfront.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          // Firefox reads policy from a managed-storage manifest or enterprise policy, not from a
          // schema in the add-on (README: "Firefox").
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // What insight events can carry (lib/insights/event-types.ts), all optional: nothing
              // is collected to make Waymark work, and usage events wait for the user's consent
              // (entrypoints/background/data-consent.ts) on top of the organisation's policy.
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              data_collection_permissions: {
                required: ['none'],
                optional: declaredFirefoxCategories(),
              },
            },
          },
        }
      : {
          // Organisations preset the endpoint (and team) by policy: chrome.storage.managed.
          storage: { managed_schema: 'managed-schema.json' },
          ...(process.env.WAYMARK_STORE_BUILD === '1' ? {} : { key: CHROME_KEY }),
        }),
    commands: {
      'open-search': {
        suggested_key: { default: 'Alt+Shift+W', mac: 'Alt+Shift+W' },
        description: `__MSG_${MANIFEST_MESSAGES.openSearch}__`,
      },
      // Focuses the launcher on the page; pressed again, moves through the page's tips.
      'focus-page': {
        suggested_key: { default: 'Alt+Shift+J', mac: 'Alt+Shift+J' },
        description: `__MSG_${MANIFEST_MESSAGES.focusPage}__`,
      },
    },
  }),
  hooks: {
    'build:before': ensureStarterPack,
    // The content script runs in every tab of every catalogue host: it (and the parts it loads on
    // first use, the unlisted scripts) uses the browser's own extension API instead of
    // webextension-polyfill (see lib/runtime/native-browser.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const inPage = (type: string) => type === 'content-script' || type === 'unlisted-script';
      if (!entrypoints.every((entry) => inPage(entry.type))) return;
      const native = [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }];
      // The content scripts' context is ours too (lib/runtime/page-context.ts): what they use of
      // WXT's, in a fraction of its bytes.
      if (entrypoints.every((entry) => entry.type === 'content-script'))
        native.push({ find: /^wxt\/utils\/content-script-context$/, replacement: PAGE_CONTEXT });
      const alias: unknown = config.resolve?.alias;
      const rest = Array.isArray(alias)
        ? (alias as { find: string | RegExp; replacement: string }[])
        : Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({
            find,
            replacement,
          }));
      config.resolve = { ...config.resolve, alias: [...native, ...rest] };
      // Every page on a catalogue host loads these: terser's two passes leave the content script
      // 227 B gzip smaller than the default minifier (ADR 0001), for a second of build.
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      };
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'starter-pack.json', absoluteSrc: STARTER_PACK });
      files.push(...browserLocaleFiles());
    },
    // The content script runs only on catalogue hosts: its patterns come from the apps.
    'build:manifestGenerated': (_wxt, manifest) => {
      const patterns = contentScriptPatterns(catalogueApps());
      for (const script of manifest.content_scripts ?? []) {
        script.matches = patterns.matches;
        script.exclude_matches = patterns.exclude_matches;
      }
      // Parts of the in-page UI imported on first use (entrypoints/page.content/lazy.ts): the
      // authors' tools, the launcher's options menu, the learner's guidance and the resolver's
      // narrowing for large pages. On every host, since a server can add
      // apps; behind a per-session URL in Chrome (use_dynamic_url), so pages cannot probe for the
      // extension with them (Firefox's extension URLs are per install already).
      const lazy = ['author-tools.js', 'launcher-menu.js', 'guidance.js', 'large-pages.js'];
      manifest.web_accessible_resources =
        manifest.manifest_version === 3
          ? [{ resources: lazy, matches: ['<all_urls>'], use_dynamic_url: true }]
          : lazy;
    },
  },
});
