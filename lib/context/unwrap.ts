import type { AppDefinition } from '@/lib/content-model';

export type UnwrapRule = AppDefinition['unwrap'][number];

/** Unwrapping stops after this many layers: a URL wrapped deeper than that is not a real page. */
const MAX_LAYERS = 3;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CompiledUnwrap {
  /** The inner URL, or undefined when no rule applies or the inner URL leaves the origin. */
  (url: URL): URL | undefined;
}

export function compileUnwrap(rules: readonly UnwrapRule[]): CompiledUnwrap {
  const compiled = rules.map((rule) => ({ ...rule, path: new RegExp(rule.path) }));
  const once = (url: URL): URL | undefined => {
    for (const rule of compiled) {
      const match = rule.path.exec(url.pathname);
      if (match === null) continue;
      // searchParams.get already decodes once; a path group is still percent-encoded.
      const raw =
        rule.query !== undefined
          ? url.searchParams.get(rule.query)
          : safeDecode(match.groups?.[rule.group ?? ''] ?? '');
      if (raw === null || raw === '') continue;
      try {
        const inner = new URL(raw, url.origin);
        // A wrapper must never take detection to another site (open-redirect style spoofing).
        if (inner.origin === url.origin) return inner;
      } catch {
        // not a URL: fall through to the next rule
      }
    }
    return undefined;
  };
  return (url) => {
    let current: URL | undefined;
    for (let layer = 0; layer < MAX_LAYERS; layer++) {
      const next = once(current ?? url);
      if (next === undefined) break;
      current = next;
    }
    return current;
  };
}
