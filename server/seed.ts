import type { AppDefinition, Item } from '@/lib/content-model';
import type { Store } from './store';

/**
 * What `loadContent` (lib/content-files) returns, structurally. The loader is passed in rather
 * than imported: it checks selectors with jsdom, whose types bring the DOM lib, and the server's
 * program stays DOM-free (the CLI, which type-checks with the DOM, wires the real loader in).
 */
export interface LoadedContentLike {
  apps: { value: AppDefinition }[];
  items: { value: Item }[];
  problems: { file: string; line: number; message: string }[];
}
export type ContentLoader = (dir: string) => Promise<LoadedContentLike>;

export class SeedRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`the content has ${problems.length} problem(s); nothing was seeded`);
  }
}

/**
 * Fills an empty database from a `content/` folder: apps first, then items in registry order
 * (the loader's order), each at its own version. Does nothing on a database that has content,
 * so restarting never overwrites what was authored on the server. Returns what was seeded.
 */
export async function seedFromContent(
  store: Store,
  dir: string,
  loadContent: ContentLoader,
): Promise<{ apps: number; items: number } | undefined> {
  if (!store.isEmpty()) return undefined;
  const content = await loadContent(dir);
  if (content.problems.length > 0)
    throw new SeedRefusedError(content.problems.map((p) => `${p.file}:${p.line}: ${p.message}`));
  store.db.transaction(() => {
    for (const { value } of content.apps) store.upsertApp(value);
    for (const { value } of content.items) store.upsertItem(value, value.owner);
  })();
  return { apps: content.apps.length, items: content.items.length };
}
