import type { z } from 'zod';

/** A stored row that failed its schema on read and was left out. */
export interface SkippedRow {
  table: string;
  id: string;
  reason: string;
}

export type SkipReporter = (skipped: SkippedRow) => void;

/** Used when the caller passes no reporter: a skipped row is never silent. */
export const warnSkipped: SkipReporter = ({ table, id, reason }) => {
  console.warn(`Waymark store: skipped ${table} "${id}": ${reason}`);
};

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Parses stored rows with their content-model schema (stored JSON may come from an older release
 * or be damaged). A row that fails is skipped and reported; the others are returned in order.
 */
export function parseRows<Row, T>(
  rows: readonly (Row | undefined)[],
  options: {
    table: string;
    schema: z.ZodType<T>;
    idOf: (row: Row) => unknown;
    valueOf: (row: Row) => unknown;
    report?: SkipReporter | undefined;
  },
): T[] {
  const report = options.report ?? warnSkipped;
  return rows.flatMap((row) => {
    if (row === undefined) return [];
    const result = options.schema.safeParse(safely(() => options.valueOf(row)));
    if (result.success) return [result.data];
    report({
      table: options.table,
      id: String(safely(() => options.idOf(row))),
      reason: describe(result.error),
    });
    return [];
  });
}

function safely(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}
