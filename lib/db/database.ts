import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { AppDefinition } from '@/lib/content-model';
import type { Draft } from '@/lib/messages';
import type { Dismissal } from './dismissals';
import type { ItemRow } from './item-row';
import type { MetaRow } from './meta';
import { upgradeToV2 } from './migrate-v2';
import { upgradeToV4 } from './migrate-v4';
import type { OutboxEntry } from './outbox';
import type { LessonProgress } from './progress';
import type { SearchIndexChangeRow, SearchIndexRow } from './search-index';
import type { SettingRow } from './settings';
import type { Vote } from './votes';

export const DEFAULT_DATABASE_NAME = 'waymark';

/**
 * Schema history. Never edit a shipped version: add a new one and an upgrade. Only the
 * primary key and the indexed fields are listed; rows hold more.
 * https://dexie.org/docs/Tutorial/Design#database-versioning
 */
export const schemaV1 = {
  items: 'id, type',
  apps: 'id',
  progress: '++id, lessonId',
  settings: 'key',
} as const;

export const schemaV2 = {
  // Items are stored wrapped with derived index keys (see item-row.ts): `*apps` and `*screens`
  // are multi-entry, one index entry per targeted app / screen.
  items: 'id, type, status, *apps, *screens',
  apps: 'id',
  // v1 keyed progress by an auto-increment id; IndexedDB cannot change a primary key in place,
  // so v2 adds `lessonProgress` keyed by lesson and drops `progress` after the upgrade has read it.
  progress: null,
  lessonProgress: 'lessonId, updatedAt',
  settings: 'key',
  dismissals: 'tipId, dismissedAt',
  votes: 'itemId, votedAt',
  outbox: '++seq',
  meta: 'key',
  searchIndex: 'key',
} as const;

/** v3 adds authors' drafts, autosaved as they type (a closed panel or a restarted worker loses nothing). */
export const schemaV3 = {
  drafts: 'key, updatedAt',
} as const;

/**
 * v4: the outbox holds typed insight events (lib/insights), indexed by their coalescing key while
 * a row is open to repeats; sealed rows (handed to a send) have none.
 */
export const schemaV4 = {
  outbox: '++seq, key',
} as const;

/**
 * The extension's local store. It lives in the extension's own origin (background service
 * worker and extension pages); the content script never opens it (see HOUSE_STYLE Boundaries).
 */
export class WaymarkDatabase extends Dexie {
  items!: EntityTable<ItemRow, 'id'>;
  apps!: EntityTable<AppDefinition, 'id'>;
  lessonProgress!: EntityTable<LessonProgress, 'lessonId'>;
  settings!: EntityTable<SettingRow, 'key'>;
  dismissals!: EntityTable<Dismissal, 'tipId'>;
  votes!: EntityTable<Vote, 'itemId'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** The search index's snapshot row and its log of changes (search-index.ts). */
  searchIndex!: EntityTable<SearchIndexRow | SearchIndexChangeRow, 'key'>;
  drafts!: EntityTable<Draft, 'key'>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2).upgrade(upgradeToV2);
    this.version(3).stores(schemaV3);
    this.version(4).stores(schemaV4).upgrade(upgradeToV4);
  }
}

/**
 * Opens (lazily, on first use) the store called `name`. Tests pass fake-indexeddb's
 * `indexedDB`/`IDBKeyRange` in `options` and a unique name.
 */
export function openDatabase(
  name = DEFAULT_DATABASE_NAME,
  options?: DexieOptions,
): WaymarkDatabase {
  return new WaymarkDatabase(name, options);
}

let instance: WaymarkDatabase | undefined;

/** The extension's store, created on first call; one per context (service worker, page). */
export function db(): WaymarkDatabase {
  return (instance ??= openDatabase());
}
