import { z } from 'zod';
import {
  appSchema,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  itemSchema,
  type Bundle,
} from '@/lib/content-model';

const shellSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  generated_at: z.string(),
  apps: z.array(z.unknown()),
  items: z.array(z.unknown()),
});

export interface ParsedBundle {
  bundle: Bundle;
  /** One line per app or item that failed its schema and was left out. */
  skipped: string[];
}

function describe(kind: string, index: number, raw: unknown, error: z.ZodError): string {
  const id =
    typeof raw === 'object' && raw !== null && 'id' in raw ? JSON.stringify(raw.id) : `#${index}`;
  const issue = error.issues[0];
  return `${kind} ${id}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Parses a bundle (the starter pack shipped in the extension). A wrong envelope is fatal; a single
 * invalid app or item is skipped and reported so the rest still load.
 */
export function parseBundle(json: unknown): ParsedBundle {
  const shell = shellSchema.safeParse(json);
  if (!shell.success) {
    const issue = shell.error.issues[0];
    throw new Error(
      `not a Waymark bundle: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const skipped: string[] = [];
  const keep = <T>(kind: string, schema: z.ZodType<T>, raws: unknown[]): T[] =>
    raws.flatMap((raw, i) => {
      const result = schema.safeParse(raw);
      if (result.success) return [result.data];
      skipped.push(describe(kind, i, raw, result.error));
      return [];
    });
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    generated_at: shell.data.generated_at,
    apps: keep('app', appSchema, shell.data.apps),
    items: keep('item', itemSchema, shell.data.items),
  };
  return { bundle, skipped };
}
