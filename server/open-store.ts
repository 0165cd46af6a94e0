import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Clock } from './clock';
import { Store } from './store';

/** Where every server-side command keeps its database unless given `--db` (relative to the cwd). */
export const DEFAULT_DB_PATH = './data/waymark.db';

/** Opens the database at `file`, creating its folder first (a fresh checkout has no data/). */
export function openStoreAt(file: string, options: { now?: Clock } = {}): Store {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  return Store.open(path, options);
}
