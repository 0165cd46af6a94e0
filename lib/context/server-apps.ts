import { contentScriptPatterns, type ContentScriptPatterns } from './match-patterns';

type HostsOf = { id: string; hosts: readonly string[]; exclude_hosts: readonly string[] };

/**
 * Apps that came from the server and are not covered by the manifest's content script (which was
 * built from the starter pack): their content script is registered at run time, for the hosts the
 * user has granted.
 */
export function serverOnlyApps<T extends HostsOf>(
  stored: readonly T[],
  builtIn: readonly HostsOf[],
): T[] {
  const builtInHosts = new Set(builtIn.flatMap((app) => app.hosts));
  return stored.filter((app) => app.hosts.some((host) => !builtInHosts.has(host)));
}

/** Origins (`https://host/*`) whose permission the user must grant before the script can run. */
export function originsFor(apps: readonly HostsOf[]): string[] {
  return [...new Set(apps.flatMap((app) => app.hosts.map((host) => `https://${host}/*`)))].sort();
}

/** The dynamic registration for the granted part of the server's apps, or undefined when none. */
export function dynamicRegistration(
  apps: readonly HostsOf[],
  granted: ReadonlySet<string>,
): ContentScriptPatterns | undefined {
  const patterns = contentScriptPatterns(apps);
  const matches = patterns.matches.filter((m) => granted.has(m));
  return matches.length === 0 ? undefined : { matches, exclude_matches: patterns.exclude_matches };
}

/** An app from the server that Waymark may not run on yet, with the origins still to grant. */
export interface PendingApp {
  id: string;
  name: string;
  origins: string[];
}

/** The server's apps with at least one host the user has not granted, each with those origins. */
export function pendingApps(
  apps: readonly (HostsOf & { name: string })[],
  granted: ReadonlySet<string>,
): PendingApp[] {
  return apps
    .map((app) => ({
      id: app.id,
      name: app.name,
      origins: originsFor([app]).filter((origin) => !granted.has(origin)),
    }))
    .filter((app) => app.origins.length > 0);
}
