import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWordNeighbours, setWordNeighbours } from '@/lib/search/word-neighbours';
import type { Io } from '../io';

/** Where `npm run search:neighbours` (and `npm run build`) writes the table. */
export const DEFAULT_WORD_NEIGHBOURS = fileURLToPath(
  new URL('../../build/word-neighbours.json', import.meta.url),
);

/**
 * Makes the search of this process expand query words with the table in `file` (default: the
 * one in build/, when it was derived), as the extension does. Returns the file used, or
 * undefined (said on stderr) when there is none; throws on a file that is not a table.
 */
export function applyWordNeighboursFile(file: string | undefined, io: Io): string | undefined {
  const path = file ?? DEFAULT_WORD_NEIGHBOURS;
  if (file === undefined && !existsSync(path)) {
    io.err(`no word-neighbour table at ${path} (npm run search:neighbours): searching without one`);
    setWordNeighbours(undefined);
    return undefined;
  }
  setWordNeighbours(parseWordNeighbours(JSON.parse(readFileSync(path, 'utf8')) as unknown, path));
  return path;
}
