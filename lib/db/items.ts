import { itemSchema, type Item } from '@/lib/content-model';
import type { WaymarkDatabase } from './database';
import { ANYWHERE, toItemRow, type ItemRow } from './item-row';
import { parseRows, type SkipReporter } from './validate';

export { type ItemRow } from './item-row';

function parse(rows: readonly (ItemRow | undefined)[], report?: SkipReporter): Item[] {
  return parseRows(rows, {
    table: 'items',
    schema: itemSchema,
    idOf: (row) => row.id,
    valueOf: (row) => row.item,
    report,
  });
}

/** Replaces every item with `items` in one transaction: readers see the old set or the new one. */
export async function replaceItems(db: WaymarkDatabase, items: readonly Item[]): Promise<void> {
  await db.transaction('rw', db.items, async () => {
    await db.items.clear();
    await db.items.bulkPut(items.map(toItemRow));
  });
}

export async function upsertItems(db: WaymarkDatabase, items: readonly Item[]): Promise<void> {
  await db.items.bulkPut(items.map(toItemRow));
}

/** Stored rows may be damaged or from an older release: an unreadable version counts as oldest. */
function storedVersion(row: ItemRow | undefined): number {
  const version = (row?.item as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : -1;
}

/**
 * Stores each item unless the store already holds that id at the same or a newer `version` (a
 * feed page delivered twice or out of order must not roll an item back). When `items` lists an
 * id twice, the newer wins. Returns the ids written. Call inside a transaction to combine it.
 */
export async function upsertNewerItems(
  db: WaymarkDatabase,
  items: readonly Item[],
): Promise<string[]> {
  const newest = new Map<string, Item>();
  for (const item of items) {
    if ((newest.get(item.id)?.version ?? -1) < item.version) newest.set(item.id, item);
  }
  const incoming = [...newest.values()];
  const stored = await db.items.bulkGet(incoming.map((item) => item.id));
  const newer = incoming.filter((item, i) => storedVersion(stored[i]) < item.version);
  await db.items.bulkPut(newer.map(toItemRow));
  return newer.map((item) => item.id);
}

export async function deleteItems(db: WaymarkDatabase, ids: readonly string[]): Promise<void> {
  await db.items.bulkDelete([...ids]);
}

/** The item with this id; `undefined` when absent or when the stored row is invalid (reported). */
export async function getItem(
  db: WaymarkDatabase,
  id: string,
  report?: SkipReporter,
): Promise<Item | undefined> {
  return parse([await db.items.get(id)], report)[0];
}

export async function getItems(
  db: WaymarkDatabase,
  ids: readonly string[],
  report?: SkipReporter,
): Promise<Item[]> {
  return parse(await db.items.bulkGet([...ids]), report);
}

export async function allItems(db: WaymarkDatabase, report?: SkipReporter): Promise<Item[]> {
  return parse(await db.items.toArray(), report);
}

export async function allPublishedItems(
  db: WaymarkDatabase,
  report?: SkipReporter,
): Promise<Item[]> {
  return parse(await db.items.where('status').equals('published').toArray(), report);
}

export async function itemsOfType<T extends Item['type']>(
  db: WaymarkDatabase,
  type: T,
  report?: SkipReporter,
): Promise<Extract<Item, { type: T }>[]> {
  const items = parse(await db.items.where('type').equals(type).toArray(), report);
  return items.filter((item): item is Extract<Item, { type: T }> => item.type === type);
}

/** Items targeting `appId`, including those that target every app (empty `targeting.apps`). */
export async function itemsForApp(
  db: WaymarkDatabase,
  appId: string,
  report?: SkipReporter,
): Promise<Item[]> {
  const rows = await db.items.where('apps').anyOf([appId, ANYWHERE]).distinct().toArray();
  return parse(rows, report);
}

/**
 * Items for one screen: those listing `app:screen`, those for every screen of the app, and those
 * for everywhere. An item that lists screens appears on those screens only.
 */
export async function itemsForScreen(
  db: WaymarkDatabase,
  appId: string,
  screenId: string,
  report?: SkipReporter,
): Promise<Item[]> {
  const keys = [`${appId}:${screenId}`, `${appId}:${ANYWHERE}`, `${ANYWHERE}:${ANYWHERE}`];
  const rows = await db.items.where('screens').anyOf(keys).distinct().toArray();
  return parse(rows, report);
}

export async function countItems(db: WaymarkDatabase): Promise<number> {
  return db.items.count();
}

/**
 * The language fields of every published item, read from the rows without validating whole
 * items (one pass over the store, for lib/knowledge/user-language.ts): a malformed field reads
 * as absent.
 */
export async function publishedLanguageVersions(
  db: WaymarkDatabase,
): Promise<{ id: string; locale?: string; translation_of?: string }[]> {
  const rows = await db.items.where('status').equals('published').toArray();
  return rows.map(({ id, item }) => {
    const { locale, translation_of } = item as { locale?: unknown; translation_of?: unknown };
    return {
      id,
      ...(typeof locale === 'string' ? { locale } : {}),
      ...(typeof translation_of === 'string' ? { translation_of } : {}),
    };
  });
}
