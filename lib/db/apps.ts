import { appSchema, type AppDefinition } from '@/lib/content-model';
import type { WaymarkDatabase } from './database';
import { parseRows, type SkipReporter } from './validate';

function parse(rows: readonly (AppDefinition | undefined)[], report?: SkipReporter) {
  return parseRows(rows, {
    table: 'apps',
    schema: appSchema,
    idOf: (row) => row.id,
    valueOf: (row) => row,
    report,
  });
}

/** Replaces every app definition in one transaction. */
export async function replaceApps(
  db: WaymarkDatabase,
  apps: readonly AppDefinition[],
): Promise<void> {
  await db.transaction('rw', db.apps, async () => {
    await db.apps.clear();
    await db.apps.bulkPut([...apps]);
  });
}

export async function upsertApps(
  db: WaymarkDatabase,
  apps: readonly AppDefinition[],
): Promise<void> {
  await db.apps.bulkPut([...apps]);
}

export async function deleteApps(db: WaymarkDatabase, ids: readonly string[]): Promise<void> {
  await db.apps.bulkDelete([...ids]);
}

/** The app with this id; `undefined` when absent or when the stored row is invalid (reported). */
export async function getApp(
  db: WaymarkDatabase,
  id: string,
  report?: SkipReporter,
): Promise<AppDefinition | undefined> {
  return parse([await db.apps.get(id)], report)[0];
}

export async function allApps(
  db: WaymarkDatabase,
  report?: SkipReporter,
): Promise<AppDefinition[]> {
  return parse(await db.apps.toArray(), report);
}

export async function countApps(db: WaymarkDatabase): Promise<number> {
  return db.apps.count();
}
