import type { z } from 'zod';
import {
  appSchema,
  itemSchema,
  type AppDefinition,
  type FeedPage,
  type Item,
  type Tombstone,
} from '@/lib/content-model';

/** A feed page whose items and apps each passed their schema. */
export interface ValidPage {
  items: Item[];
  apps: AppDefinition[];
  deleted: Tombstone[];
  cursor: string;
  more: boolean;
}

export type Log = (message: string) => void;

function idOf(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `"${id}"` : `#${index} (no id)`;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `field "${issue?.path.join('.') || '(root)'}": ${issue?.message ?? 'invalid'}`;
}

function keepValid<T>(
  raws: readonly unknown[],
  schema: z.ZodType<T>,
  kind: 'item' | 'app',
  log: Log,
): T[] {
  return raws.flatMap((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return [parsed.data];
    log(
      `Waymark sync: skipped ${kind} ${idOf(raw, index)} from the feed: ${describe(parsed.error)}`,
    );
    return [];
  });
}

/**
 * Checks a page item by item (feed.ts types them `unknown[]` for this): one invalid item is
 * skipped with its id and field logged, and the rest of the page still applies.
 */
export function validatePage(page: FeedPage, log: Log): ValidPage {
  return {
    items: keepValid(page.items, itemSchema, 'item', log),
    apps: keepValid(page.apps, appSchema, 'app', log),
    deleted: page.deleted,
    cursor: page.cursor,
    more: page.more,
  };
}
