/**
 * Chrome match patterns for the content script, derived from the catalogue's host patterns.
 * `*.zendesk.com` in a match pattern also matches the bare `zendesk.com`, which our detection does
 * not treat as the app, so bare domains and every `exclude_hosts` entry become exclusions: the
 * script is not even injected on vendor sites.
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export interface ContentScriptPatterns {
  matches: string[];
  exclude_matches: string[];
}

export function contentScriptPatterns(
  apps: readonly { hosts: readonly string[]; exclude_hosts: readonly string[] }[],
): ContentScriptPatterns {
  const matches = new Set<string>();
  const exclude = new Set<string>();
  for (const app of apps) {
    for (const host of app.hosts) {
      matches.add(`https://${host}/*`);
      if (host.startsWith('*.')) exclude.add(`https://${host.slice(2)}/*`);
    }
    for (const host of app.exclude_hosts) exclude.add(`https://${host}/*`);
  }
  const explicit = new Set([...matches].filter((m) => !m.includes('*.')));
  return {
    matches: [...matches].sort(),
    // Never exclude a host some app lists explicitly.
    exclude_matches: [...exclude].filter((m) => !explicit.has(m)).sort(),
  };
}
