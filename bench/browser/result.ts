import { budget, writePart, type Budget, type PartReport } from '../report';
import { ratio } from './stats';

/** One figure next to the baseline measured in the same run. */
export interface Figure {
  name: string;
  ours: number;
  baseline: number | null;
  unit: string;
  note?: string;
}

export { budget, type Budget };

/**
 * Hands a browser part to bench/report.ts: one table (ours, baseline, ours/baseline), each
 * figure's note as a note line, the budgets, and the raw figures as `data`. report.ts writes
 * bench/results/<part>.json and merges latest.json / latest.md.
 */
export function reportPart(part: string, title: string, figures: Figure[], budgets: Budget[]) {
  const report: Omit<PartReport, 'machine' | 'seconds'> = {
    part,
    title,
    tables: [
      {
        columns: ['figure', 'ours', 'baseline', 'ours / baseline', 'unit'],
        rows: figures.map((f) => [
          f.name,
          f.ours,
          f.baseline ?? undefined,
          ratio(f.ours, f.baseline ?? undefined),
          f.unit,
        ]),
      },
    ],
    notes: figures.flatMap((f) => (f.note === undefined ? [] : [`${f.name}: ${f.note}`])),
    budgets,
    data: { measuredAt: new Date().toISOString(), figures },
  };
  return writePart(report);
}
