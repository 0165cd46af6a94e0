import type { DomRule } from '@/lib/content-model';

/** The part of a Document detection reads: it only ever queries, never writes. */
export interface QueryRoot {
  querySelector(selector: string): Element | null;
}

const MAX_CONTEXT_CHARS = 300;

/** `querySelector` that answers `null` for a selector the engine cannot parse instead of throwing. */
export function safeQuery(root: QueryRoot, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** What a user sees in an element: an input's value, a select's chosen label, otherwise its text, whitespace collapsed. */
export function readText(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const raw =
    tag === 'select'
      ? ((element as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')
      : tag === 'input' || tag === 'textarea'
        ? ((element as HTMLInputElement).value ?? element.getAttribute('value') ?? '')
        : (element.textContent ?? '');
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_CONTEXT_CHARS);
}

export interface CompiledDomRule {
  describe: string;
  test: (root: QueryRoot) => boolean;
}

export function compileDomRule(rule: DomRule): CompiledDomRule {
  if ('exists' in rule) {
    return {
      describe: `exists ${rule.exists}`,
      test: (root) => safeQuery(root, rule.exists) !== null,
    };
  }
  if ('absent' in rule) {
    return {
      describe: `absent ${rule.absent}`,
      test: (root) => safeQuery(root, rule.absent) === null,
    };
  }
  const pattern = new RegExp(rule.text);
  return {
    describe: `${rule.selector} text ~ /${rule.text}/`,
    test: (root) => {
      const element = safeQuery(root, rule.selector);
      return element !== null && pattern.test(readText(element));
    },
  };
}

/** Reads each named context value from the first of its selectors that has text. */
export function extractContext(
  root: QueryRoot,
  rules: Readonly<Record<string, readonly string[]>>,
): Record<string, string> {
  const context: Record<string, string> = {};
  for (const [name, selectors] of Object.entries(rules)) {
    for (const selector of selectors) {
      const element = safeQuery(root, selector);
      const text = element === null ? '' : readText(element);
      if (text !== '') {
        context[name] = text;
        break;
      }
    }
  }
  return context;
}
