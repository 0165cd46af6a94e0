/**
 * Host matching on DNS label boundaries. Patterns are exact host names or `*.domain` (one or more
 * labels in front of `domain`). Lookups walk the host's label suffixes, longest first, in maps: no
 * regular expression ever sees a host name, so `acme.zendesk.com.evil.example` and
 * `notzendesk.com` cannot match `*.zendesk.com` by construction.
 */
export interface HostRule {
  appId: string;
  pattern: string;
}

export interface HostMatch {
  appId: string;
  pattern: string;
  /** Set when the host matched the app but one of its `exclude_hosts` removed it. */
  excludedBy?: string;
}

interface Table {
  exact: Map<string, string>;
  wildcard: Map<string, string>;
}

function newTable(): Table {
  return { exact: new Map(), wildcard: new Map() };
}

function add(table: Table, pattern: string, value: string): string | undefined {
  const [map, key] = pattern.startsWith('*.')
    ? [table.wildcard, pattern.slice(2)]
    : [table.exact, pattern];
  const existing = map.get(key);
  if (existing !== undefined && existing !== value) return existing;
  map.set(key, value);
  return undefined;
}

/** Finds the most specific pattern for `host`: an exact entry, else the longest wildcard suffix. */
function lookup(table: Table, host: string): { value: string; pattern: string } | undefined {
  const exact = table.exact.get(host);
  if (exact !== undefined) return { value: exact, pattern: host };
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const suffix = host.slice(dot + 1);
    const value = table.wildcard.get(suffix);
    if (value !== undefined) return { value, pattern: `*.${suffix}` };
  }
  return undefined;
}

/** Lower-cases and drops one trailing dot (`acme.zendesk.com.` is the same host). */
export function normaliseHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export class HostIndex {
  readonly #include = newTable();
  readonly #exclude = new Map<string, Table>();

  /** Throws when two apps claim the same host pattern: the catalogue would be ambiguous. */
  constructor(
    apps: readonly { id: string; hosts: readonly string[]; exclude_hosts: readonly string[] }[],
  ) {
    for (const app of apps) {
      for (const pattern of app.hosts) {
        const clash = add(this.#include, pattern, app.id);
        if (clash !== undefined) {
          throw new Error(`apps "${clash}" and "${app.id}" both claim host "${pattern}"`);
        }
      }
      const exclude = newTable();
      for (const pattern of app.exclude_hosts) add(exclude, pattern, pattern);
      this.#exclude.set(app.id, exclude);
    }
  }

  match(hostname: string): HostMatch | undefined {
    const host = normaliseHost(hostname);
    if (host === '') return undefined;
    const hit = lookup(this.#include, host);
    if (hit === undefined) return undefined;
    const excluded = this.#exclude.get(hit.value);
    const exclusion = excluded === undefined ? undefined : lookup(excluded, host);
    return exclusion === undefined
      ? { appId: hit.value, pattern: hit.pattern }
      : { appId: hit.value, pattern: hit.pattern, excludedBy: exclusion.pattern };
  }
}
