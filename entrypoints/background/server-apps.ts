import { dynamicRegistration, originsFor, serverOnlyApps } from '@/lib/context/server-apps';
import { allApps, type WaymarkDatabase } from '@/lib/db';
import { loadStarterBundle } from './starter-bundle';

const SCRIPT_ID = 'waymark-server-apps';

/**
 * Apps an admin added on the server (an internal tool) are not in the manifest's content-script
 * patterns. Their script is registered at run time, for the hosts the user has granted in the
 * options page; returns the origins still waiting for a grant.
 */
export async function refreshServerAppScripts(db: WaymarkDatabase): Promise<string[]> {
  const apps = serverOnlyApps(await allApps(db), (await loadStarterBundle()).apps);
  const wanted = originsFor(apps);
  const granted = new Set<string>();
  for (const origin of wanted)
    if (await browser.permissions.contains({ origins: [origin] })) granted.add(origin);
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
        js: script?.js ?? ['content-scripts/page.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return wanted.filter((origin) => !granted.has(origin));
}
