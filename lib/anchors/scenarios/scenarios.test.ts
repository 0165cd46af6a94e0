import { describe, expect, it } from 'vitest';
import { createAnchor, resolveAnchor } from '../index';
import { copySelector, resolveSelector } from './devtools-selector';
import { runScenario, type Outcome, type Strategy } from './harness';
import { scenarios } from './run-all';
import { KINDS } from './types';

const ours: Strategy = {
  // Round-trips through JSON, as a stored anchor would.
  create: (element) => JSON.parse(JSON.stringify(createAnchor(element))) as unknown,
  resolve: resolveAnchor,
};
const baseline: Strategy = { create: copySelector, resolve: resolveSelector };

function tally(outcomes: Outcome[]): Record<Outcome, number> {
  const counts = { right: 0, null: 0, wrong: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  return counts;
}

const cell = ({ right, wrong, null: none }: Record<Outcome, number>) =>
  `${right} / ${wrong} / ${none}`;

describe('anchor scenarios', () => {
  const rows = scenarios.map((scenario) => ({
    scenario: `${scenario.app}: ${scenario.name}`,
    kind: scenario.kind,
    app: scenario.app,
    ours: runScenario(scenario, ours),
    baseline: runScenario(scenario, baseline),
  }));

  it('has at least 80 scenarios over at least seven apps, every kind represented', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(80);
    expect(new Set(scenarios.map((s) => s.app)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(scenarios.map((s) => s.kind))).toEqual(new Set(KINDS));
  });

  it('resolves at least 95 % right and never a wrong element, in every kind', () => {
    const byKind = [...KINDS, 'all' as const].map((kind) => {
      const mine = rows.filter((row) => kind === 'all' || row.kind === kind);
      const counts = tally(mine.map((row) => row.ours));
      return {
        kind,
        scenarios: mine.length,
        'ours right / wrong / null': cell(counts),
        'copied selector right / wrong / null': cell(tally(mine.map((row) => row.baseline))),
        'ours right %': Math.round((counts.right / mine.length) * 100),
      };
    });
    console.table(rows.filter((row) => row.ours !== 'right'));
    console.table(byKind);
    expect(rows.filter((row) => row.ours === 'wrong').map((row) => row.scenario)).toEqual([]);
    const right = rows.filter((row) => row.ours === 'right').length;
    expect(right / rows.length).toBeGreaterThanOrEqual(0.95);
  });
});
