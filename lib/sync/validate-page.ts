import type { z } from 'zod';
import {
  appSchema,
  itemSchema,
  itemTypes,
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

/** The top-level fields a schema knows (its object shape), or undefined when it has none. */
function knownFields(schema: z.ZodType | undefined): Set<string> | undefined {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return typeof shape === 'object' && shape !== null ? new Set(Object.keys(shape)) : undefined;
}
const APP_FIELDS = knownFields(appSchema);
/** Per item type, worked out once: a cold sync validates thousands of items. */
const ITEM_FIELDS = new Map(itemTypes.map((def) => [def.type, knownFields(def.schema)]));
const itemFields = (type: unknown) =>
  typeof type === 'string' ? ITEM_FIELDS.get(type) : undefined;

/**
 * Forward compatibility: a newer server may send top-level fields this extension does not know
 * yet (e.g. `verify_days` arrived with templates). The content files stay strict; the feed drops
 * unknown top-level fields (and says which) rather than skipping the whole item.
 */
function withoutUnknownFields(raw: unknown, kind: 'item' | 'app', ignored: Set<string>): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  const known = kind === 'app' ? APP_FIELDS : itemFields(record.type);
  if (known === undefined) return raw;
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length === 0) return raw;
  for (const key of unknown) ignored.add(key);
  return Object.fromEntries(Object.entries(record).filter(([key]) => known.has(key)));
}

function keepValid<T>(
  raws: readonly unknown[],
  schema: z.ZodType<T>,
  kind: 'item' | 'app',
  log: Log,
): T[] {
  const ignored = new Set<string>();
  const kept = raws.flatMap((raw, index) => {
    const parsed = schema.safeParse(withoutUnknownFields(raw, kind, ignored));
    if (parsed.success) return [parsed.data];
    log(
      `Waymark sync: skipped ${kind} ${idOf(raw, index)} from the feed: ${describe(parsed.error)}`,
    );
    return [];
  });
  if (ignored.size > 0)
    log(
      `Waymark sync: ignored ${kind} field(s) this version does not know: ${[...ignored].sort().join(', ')} (the server is newer)`,
    );
  return kept;
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
