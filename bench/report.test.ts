import { describe, expect, it } from 'vitest';
import {
  budget,
  describeMiss,
  floor,
  fmt,
  markdownTable,
  merge,
  renderMarkdown,
  scalarRows,
  toPart,
  type PartReport,
} from './report';

const part = (name: string, budgets: PartReport['budgets'] = []): PartReport => ({
  part: name,
  title: name,
  tables: [{ columns: ['a', 'b'], rows: [[1, 2]] }],
  budgets,
});

describe('budget', () => {
  it('is ok when the actual figure is at or under the limit', () => {
    expect(budget('p95', 5, 5, 'ms').ok).toBe(true);
    expect(budget('p95', 5, 5.01, 'ms').ok).toBe(false);
  });
});

describe('floor', () => {
  it('is ok when the actual figure is at or over the limit, and says by how much it is under', () => {
    expect(floor('recall@5', 0.92, 0.92, '').ok).toBe(true);
    const missed = floor('recall@5', 0.92, 0.85, '');
    expect(missed.ok).toBe(false);
    expect(describeMiss(missed)).toBe('recall@5: 0.85, at least 0.92 — under by 0.07');
  });
});

describe('describeMiss', () => {
  it('says by how much and by what share a budget is missed', () => {
    expect(describeMiss(budget('search p95', 5, 6.25, 'ms'))).toBe(
      'search p95: 6.25 ms, limit 5 ms — over by 1.25 ms (25%)',
    );
  });

  it('leaves out the share when the limit is zero', () => {
    expect(describeMiss(budget('long tasks', 0, 2, 'tasks'))).toBe(
      'long tasks: 2 tasks, limit 0 tasks — over by 2 tasks',
    );
  });
});

describe('fmt', () => {
  it('keeps fewer decimals the larger the number', () => {
    expect([fmt(0.12345), fmt(3.14159), fmt(42.42), fmt(12345.6), fmt(undefined)]).toEqual([
      '0.123',
      '3.14',
      '42.4',
      '12,346',
      '–',
    ]);
  });
});

describe('markdownTable', () => {
  it('right-aligns figures and escapes pipes', () => {
    expect(markdownTable({ columns: ['name', 'n'], rows: [['a|b', 1]] })).toBe(
      '| name | n |\n| --- | ---: |\n| a\\|b | 1 |',
    );
  });
});

describe('scalarRows', () => {
  it('flattens nested scalar fields into dotted names, skipping budgets', () => {
    expect(scalarRows({ a: { b: 1, c: 'x' }, budgets: [], d: true, e: [1] })).toEqual([
      ['a.b', 1],
      ['a.c', 'x'],
      ['d', 'true'],
    ]);
  });
});

describe('toPart', () => {
  it('shows a part file without tables as a metric/value table named after the file', () => {
    const p = toPart('detect', { floor: { median: 0.5 } });
    expect(p.part).toBe('detect');
    expect(p.tables).toEqual([{ columns: ['metric', 'value'], rows: [['floor.median', 0.5]] }]);
  });

  it('shows figures with their baselines as one table', () => {
    const p = toPart('sync', {
      part: 'sync',
      figures: [{ name: 'idle sync', ours: 1, baseline: null, unit: 'requests' }],
    });
    expect(p.tables).toEqual([
      {
        columns: ['figure', 'ours', 'baseline', 'unit', 'note'],
        rows: [['idle sync', 1, undefined, 'requests', undefined]],
      },
    ]);
  });
});

describe('merge', () => {
  it('orders parts as run-all runs them, unknown parts last', () => {
    const merged = merge([
      part('zeta'),
      part('server'),
      part('anchors'),
      part('detect'),
      part('search'),
    ]);
    expect(merged.parts.map((p) => p.part)).toEqual([
      'detect',
      'anchors',
      'search',
      'server',
      'zeta',
    ]);
  });

  it('collects every part’s budgets and fails when one is missed', () => {
    const merged = merge([
      part('search', [budget('p95', 5, 1, 'ms')]),
      part('sync', [budget('requests when idle', 1, 2, 'requests')]),
    ]);
    expect(merged.budgets.map((b) => b.part)).toEqual(['search', 'sync']);
    expect(merged.ok).toBe(false);
  });

  it('records the machine the results came from', () => {
    const { machine } = merge([], new Date('2026-01-02T03:04:05Z'));
    expect(machine.date).toBe('2026-01-02T03:04:05.000Z');
    expect(machine.node).toBe(process.version);
    expect(machine.cpus).toBeGreaterThan(0);
  });
});

describe('renderMarkdown', () => {
  it('writes a table per part and a budgets table marking the miss', () => {
    const md = renderMarkdown(merge([part('search', [budget('p95', 5, 7, 'ms')])]));
    expect(md).toContain('## search');
    expect(md).toContain('| a | b |');
    expect(md).toContain('| p95 | 7 ms | 5 ms | MISSED by 2 ms |');
  });
});
