import { describe, expect, it } from 'vitest';
import { createAnchor, resolveAnchor } from '../index';
import { copySelector, resolveSelector } from './devtools-selector';
import { runScenario, type Outcome, type Strategy } from './harness';
import { scenarios } from './run-all';

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

describe('anchor scenarios', () => {
  const rows = scenarios.map((scenario) => ({
    scenario: `${scenario.app}: ${scenario.name}`,
    ours: runScenario(scenario, ours),
    baseline: runScenario(scenario, baseline),
  }));

  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it('resolves at least 90 % right and never a wrong element', () => {
    console.table(rows);
    const ourCounts = tally(rows.map((row) => row.ours));
    console.table({ ours: ourCounts, 'devtools selector': tally(rows.map((row) => row.baseline)) });
    expect(rows.filter((row) => row.ours === 'wrong').map((row) => row.scenario)).toEqual([]);
    expect(ourCounts.right / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});
