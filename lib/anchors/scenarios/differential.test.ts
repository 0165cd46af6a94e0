import { describe, expect, it, vi } from 'vitest';
import { createAnchor, narrowing, pickInScope, resolveAnchor } from '../index';
import { stableAttrs, STABLE_ATTRS } from '../signature';
import { isGeneratedId } from '../generated-id';
import { compared, disagreements } from './differential';
import { buildDocument, takeMarked } from './harness';
import { scenarios } from './run-all';

vi.mock('../pick', async (importActual) =>
  (await import('./differential')).withFullPick(importActual),
);
vi.mock('../in-scope', async (importActual) =>
  (await import('./differential')).withFullInScope(importActual),
);
// The narrowing by container as the extension plugs it in, each of its answers checked.
narrowing.pick = pickInScope;

/** The attribute reading the resolver had before its one-pass shortcut: every name asked for. */
function everyName(element: Element): Record<string, string> | undefined {
  const attrs: Record<string, string> = {};
  for (const name of STABLE_ATTRS) {
    const value = element.getAttribute(name);
    if (value === null || value.length > 100) continue;
    if (name !== 'type' && isGeneratedId(value)) continue;
    attrs[name] = value;
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

describe('the resolver shortcuts against the full rule', () => {
  it('give the answer of the full look-alike rule at every pick of every scenario', () => {
    for (const scenario of scenarios) {
      const before = buildDocument(scenario.before);
      const anchor = JSON.parse(JSON.stringify(createAnchor(takeMarked(before)!))) as unknown;
      const after = buildDocument(scenario.after);
      takeMarked(after);
      const seen = disagreements.length;
      resolveAnchor(anchor, after);
      expect(disagreements.slice(seen), scenario.name).toEqual([]);
      before.defaultView?.close();
      after.defaultView?.close();
    }
    expect(compared.picks).toBeGreaterThanOrEqual(scenarios.length * 0.8);
    expect(compared.scoped).toBeGreaterThan(0);
    expect(compared.lone).toBeGreaterThan(0);
  }, 600_000);

  it('read the same stable attributes as asking for every name, on every scenario element', () => {
    let elements = 0;
    for (const scenario of scenarios.filter((s) => s.kind !== 'large-page')) {
      for (const html of [scenario.before, scenario.after]) {
        const document = buildDocument(html);
        for (const element of Array.from(document.querySelectorAll('*'))) {
          expect(stableAttrs(element)).toEqual(everyName(element));
          elements += 1;
        }
        document.defaultView?.close();
      }
    }
    expect(elements).toBeGreaterThan(5000);
  }, 600_000);
});
