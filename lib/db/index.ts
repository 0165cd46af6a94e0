/**
 * The extension's local store (Dexie on IndexedDB in the extension's origin). Every function
 * takes the database first: `db()` in the extension, `openDatabase(name, fakeIndexedDb)` in tests.
 */
export { db, openDatabase, WaymarkDatabase, DEFAULT_DATABASE_NAME } from './database';
export * from './items';
export * from './apps';
export * from './progress';
export * from './dismissals';
export * from './votes';
export * from './settings';
export * from './outbox';
export * from './meta';
export * from './delivery-meta';
export * from './search-index';
export * from './starter';
export { contentHash } from './content-hash';
export { warnSkipped, type SkippedRow, type SkipReporter } from './validate';
export * from './drafts';
