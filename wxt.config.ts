import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { contentScriptPatterns } from './lib/context/match-patterns';

const STARTER_PACK = new URL('./public/starter-pack.json', import.meta.url);

/** Host patterns of the starter pack's apps; `npm run build` writes the pack before WXT runs. */
function catalogueApps(): { hosts: string[]; exclude_hosts: string[] }[] {
  try {
    return (
      JSON.parse(readFileSync(STARTER_PACK, 'utf8')) as {
        apps: { hosts: string[]; exclude_hosts: string[] }[];
      }
    ).apps;
  } catch {
    throw new Error(
      'public/starter-pack.json is missing or unreadable: run `npm run content:build` (npm run build does it)',
    );
  }
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Waymark',
    description: 'Your organisation’s knowledge, on the screen where the work happens.',
    permissions: ['storage', 'sidePanel'],
    commands: {
      'open-search': {
        suggested_key: { default: 'Alt+Shift+W', mac: 'Alt+Shift+W' },
        description: 'Search Waymark',
      },
    },
  },
  hooks: {
    // The content script runs only on catalogue hosts: its patterns come from content/apps/.
    'build:manifestGenerated': (_wxt, manifest) => {
      const patterns = contentScriptPatterns(catalogueApps());
      for (const script of manifest.content_scripts ?? []) {
        script.matches = patterns.matches;
        script.exclude_matches = patterns.exclude_matches;
      }
    },
  },
});
