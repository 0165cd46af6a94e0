import { relative, resolve, sep } from 'node:path';
import type { AppDefinition, Item, Template } from '@/lib/content-model';
import type { Store } from './store';

/**
 * What `loadContent` (lib/content-files) returns, structurally. The loader is passed in rather
 * than imported: it checks selectors with jsdom, whose types bring the DOM lib, and the server's
 * program stays DOM-free (the CLI, which type-checks with the DOM, wires the real loader in).
 */
export interface LoadedContentLike {
  apps: { value: AppDefinition }[];
  items: { value: Item }[];
  templates: { value: Template }[];
  problems: { file: string; line: number; message: string }[];
}
export type ContentLoader = (dir: string) => Promise<LoadedContentLike>;

export class SeedRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`the content has ${problems.length} problem(s); nothing was seeded`);
  }
}

export interface Seeded {
  apps: number;
  items: number;
  templates: number;
}

/** Whether a problem's file (as the loader shows it: relative to the cwd) is in `dir`/templates/. */
const inTemplatesFolder = (dir: string, file: string): boolean =>
  relative(resolve(dir), resolve(file)).split(sep)[0] === 'templates';

/**
 * Fills an empty database from a `content/` folder: apps first, then items in registry order
 * (the loader's order), each at its own version, then the templates. A database that has content
 * keeps it, so restarting never overwrites what was authored on the server; but one without
 * templates (made before templates existed) gets content/'s, so an upgrade brings them. Returns
 * what was seeded, or undefined when nothing was.
 */
export async function seedFromContent(
  store: Store,
  dir: string,
  loadContent: ContentLoader,
): Promise<Seeded | undefined> {
  const needs = await store.seedNeeds();
  if (!needs.items && !needs.templates) return undefined;
  const content = await loadContent(dir);
  // Topping up templates reads only templates/: a problem elsewhere does not block it.
  const problems = needs.items
    ? content.problems
    : content.problems.filter((p) => inTemplatesFolder(dir, p.file));
  if (problems.length > 0)
    throw new SeedRefusedError(problems.map((p) => `${p.file}:${p.line}: ${p.message}`));
  const values = <T>(located: { value: T }[]): T[] => located.map((l) => l.value);
  await store.seed(
    {
      apps: values(content.apps),
      items: values(content.items),
      templates: values(content.templates),
    },
    needs,
  );
  const seeded: Seeded = {
    apps: needs.items ? content.apps.length : 0,
    items: needs.items ? content.items.length : 0,
    templates: needs.templates ? content.templates.length : 0,
  };
  return seeded.apps + seeded.items + seeded.templates > 0 ? seeded : undefined;
}
