import {
  dynamicRegistration,
  originsFor,
  pendingApps,
  serverOnlyApps,
  type PendingApp,
} from '@/lib/context/server-apps';
import type { AppDefinition } from '@/lib/content-model';
import { allApps, type WaymarkDatabase } from '@/lib/db';
import { loadStarterBundle } from './starter-bundle';

const SCRIPT_ID = 'waymark-server-apps';

/** Apps from the server beyond the manifest's patterns, and which of their origins are granted. */
async function serverAppGrants(
  db: WaymarkDatabase,
): Promise<{ apps: AppDefinition[]; granted: Set<string> }> {
  const apps = serverOnlyApps(await allApps(db), (await loadStarterBundle()).apps);
  const granted = new Set<string>();
  for (const origin of originsFor(apps))
    if (await browser.permissions.contains({ origins: [origin] })) granted.add(origin);
  return { apps, granted };
}

/**
 * Apps an admin added on the server (an internal tool) are not in the manifest's content-script
 * patterns. Their script is registered at run time, for the hosts the user has granted in the
 * options page (an `optional_host_permissions` grant per app, in Chrome and Firefox alike).
 */
export async function refreshServerAppScripts(db: WaymarkDatabase): Promise<void> {
  const { apps, granted } = await serverAppGrants(db);
  const registration = dynamicRegistration(apps, granted);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (registration !== undefined) {
    const [script] = browser.runtime.getManifest().content_scripts ?? [];
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: registration.matches,
        excludeMatches: registration.exclude_matches,
        js: packagePaths(script?.js ?? ['content-scripts/page.js'], browser.runtime.getURL('/')),
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
}

/**
 * Files as `scripting.registerContentScripts` wants them: paths inside the package. Firefox's
 * `runtime.getManifest()` hands content-script files back as full `moz-extension://…` URLs (and
 * refuses them when registering); Chromium keeps the manifest's relative paths.
 */
export function packagePaths(files: readonly string[], baseUrl: string): string[] {
  return files.map((file) => (file.startsWith(baseUrl) ? file.slice(baseUrl.length) : file));
}

/** The server's apps Waymark may not run on yet: the options page asks the user, app by app. */
export async function pendingServerApps(db: WaymarkDatabase): Promise<PendingApp[]> {
  const { apps, granted } = await serverAppGrants(db);
  return pendingApps(apps, granted);
}
