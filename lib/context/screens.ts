import type { Screen } from '@/lib/content-model';
import { compileDomRule, extractContext, type CompiledDomRule, type QueryRoot } from './dom';

export interface RecordRef {
  type: string;
  id: string;
}

/** Where a URL is split for matching: pathname, decoded query and hash (with its `#`). */
export interface UrlParts {
  pathname: string;
  searchParams: URLSearchParams;
  hash: string;
}

export type ScreenOutcome =
  { matched: true; captures: Record<string, string> } | { matched: false; failed: string };

export interface CompiledScreen {
  id: string;
  matchUrl(url: UrlParts): ScreenOutcome;
  /** Undefined when every DOM rule holds, else the first failing rule. */
  failedDomRule(root: QueryRoot | undefined): string | undefined;
  record(captures: Record<string, string>): RecordRef | null;
  context(root: QueryRoot | undefined): Record<string, string>;
}

function collect(into: Record<string, string>, match: RegExpExecArray): void {
  for (const [name, value] of Object.entries(match.groups ?? {})) {
    if (value !== undefined) into[name] = value;
  }
}

const TEMPLATE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Fills `{name}` from captures; undefined when a capture the template needs is missing. */
function fill(template: string, captures: Record<string, string>): string | undefined {
  let missing = false;
  const out = template.replace(TEMPLATE, (_, name: string) => {
    const value = captures[name];
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : out;
}

type UrlRule = Exclude<Screen['match'], unknown[]>;

/** One URL rule as a matcher: path, then each query parameter, then hash must all match. */
function compileUrlRule(rule: UrlRule): (url: UrlParts) => ScreenOutcome {
  const path = rule.path === undefined ? undefined : new RegExp(rule.path);
  const hash = rule.hash === undefined ? undefined : new RegExp(rule.hash);
  const query = Object.entries(rule.query ?? {}).map(
    ([name, source]) => [name, new RegExp(source)] as const,
  );
  return (url) => {
    const captures: Record<string, string> = {};
    if (path !== undefined) {
      const m = path.exec(url.pathname);
      if (m === null) return { matched: false, failed: `path !~ /${path.source}/` };
      collect(captures, m);
    }
    for (const [name, pattern] of query) {
      const value = url.searchParams.get(name);
      const m = value === null ? null : pattern.exec(value);
      if (m === null) return { matched: false, failed: `query ${name} !~ /${pattern.source}/` };
      collect(captures, m);
    }
    if (hash !== undefined) {
      const m = hash.exec(url.hash);
      if (m === null) return { matched: false, failed: `hash !~ /${hash.source}/` };
      collect(captures, m);
    }
    return { matched: true, captures };
  };
}

export function compileScreen(screen: Screen): CompiledScreen {
  const alternatives = (Array.isArray(screen.match) ? screen.match : [screen.match]).map(
    compileUrlRule,
  );
  const domRules: CompiledDomRule[] = screen.dom.map(compileDomRule);

  return {
    id: screen.id,
    matchUrl(url) {
      const failures: string[] = [];
      for (const alternative of alternatives) {
        const outcome = alternative(url);
        if (outcome.matched) return outcome;
        failures.push(outcome.failed);
      }
      return { matched: false, failed: failures.join(' | ') };
    },
    failedDomRule(root) {
      if (domRules.length === 0) return undefined;
      if (root === undefined) return 'DOM rules need a document';
      return domRules.find((rule) => !rule.test(root))?.describe;
    },
    record(captures) {
      if (screen.record === undefined) return null;
      const type = fill(screen.record.type, captures);
      const id = fill(screen.record.id, captures);
      if (type === undefined || id === undefined) return null;
      return { type, id: screen.record.lowercase ? id.toLowerCase() : id };
    },
    context(root) {
      return root === undefined ? {} : extractContext(root, screen.context);
    },
  };
}
