import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnchor, resolveAnchor } from './index';
import { memoOf, READ } from './root-memo';

const page = () =>
  new JSDOM(
    '<main><form aria-label="Reply"><button>Save</button><button>Cancel</button></form></main>',
  ).window.document;

describe('memoOf', () => {
  it('returns the same memo while the root is unchanged and a new one after a change', () => {
    const document = page();
    const first = memoOf(document);
    expect(memoOf(document)).toBe(first);
    document.body.setAttribute('class', 'x');
    expect(memoOf(document)).not.toBe(first);
  });

  it('keeps the memo across attributes the resolver never reads, and drops it at one it reads', () => {
    const document = page();
    const first = memoOf(document);
    document.body.setAttribute('style', 'color: red');
    document.querySelector('button')!.setAttribute('data-state', 'open');
    expect(memoOf(document)).toBe(first);
    document.querySelector('button')!.setAttribute('aria-label', 'Store');
    expect(memoOf(document)).not.toBe(first);
  });

  it('lists every attribute name that lib/anchors reads by name or in a selector', () => {
    const sources = readdirSync(import.meta.dirname)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(`${import.meta.dirname}/${file}`, 'utf8'));
    const named = sources.flatMap((source) => [
      ...[...source.matchAll(/(?:get|has)Attribute\('([\w-]+)'\)/g)].map((m) => m[1]!),
      ...(source.match(/'[^'\n]*'|`[^`\n]*`/g) ?? []).flatMap((literal) =>
        [...literal.matchAll(/\[([a-z][\w-]*)[=\]]/g)].map((m) => m[1]!),
      ),
      ...[...source.matchAll(/LABEL_ATTRS = \[([^\]]*)\]/g)].flatMap((m) =>
        m[1]!.match(/[\w-]+/g)!,
      ),
    ]);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !READ.includes(name))).toEqual([]);
  });
});

describe('resolveAnchor across changes made in the same task', () => {
  it('returns null right after the element is removed, with no tick in between', () => {
    const document = page();
    const save = document.querySelector('button')!;
    const anchor = createAnchor(save);
    expect(resolveAnchor(anchor, document)).toBe(save);
    save.remove();
    expect(resolveAnchor(anchor, document)).toBeNull();
  });

  it('finds the element again when it comes back under a new node', () => {
    const document = page();
    const anchor = createAnchor(document.querySelector('button')!);
    document.querySelector('form')!.innerHTML =
      '<div><button>Save</button></div><button>Cancel</button>';
    expect(resolveAnchor(anchor, document)).toBe(document.querySelector('div > button'));
  });
});
