import { parseArgs } from 'node:util';
import { loadContent } from '@/lib/content-files';
import { closeOnSignal, startServer } from '@/server/main';
import { DEFAULT_DB_PATH, openStoreAt } from '@/server/open-store';
import { SeedRefusedError, seedFromContent } from '@/server/seed';
import { DEFAULT_CONTENT_DIR, EXIT, UsageError, type Io } from '../io';

function parsePort(raw: string): number {
  if (!/^[0-9]{1,5}$/.test(raw) || Number(raw) > 65535)
    throw new UsageError(`--port must be a port number from 0 to 65535, got "${raw}"`);
  return Number(raw);
}

/**
 * `waymark serve [--db FILE] [--port N] [--host H] [--seed DIR]`: the content server. Seeds an
 * empty database from content/, prints the URL on stdout, and runs until SIGINT or SIGTERM.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DB_PATH },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: DEFAULT_CONTENT_DIR },
    },
  });
  if (positionals.length > 0) throw new UsageError('serve takes no positional arguments');
  const port = parsePort(values.port);
  const store = openStoreAt(values.db);
  try {
    const seeded = await seedFromContent(store, values.seed, loadContent);
    if (seeded !== undefined)
      io.err(
        `seeded ${values.db} from ${values.seed}: ${seeded.apps} apps, ${seeded.items} items, ${seeded.templates} templates`,
      );
  } catch (error) {
    store.close();
    if (!(error instanceof SeedRefusedError)) throw error;
    for (const problem of error.problems) io.err(problem);
    io.err(`waymark serve: ${error.message}`);
    return EXIT.problems;
  }
  const running = await startServer(store, { host: values.host, port });
  io.out(`Waymark content server listening on ${running.url}`);
  await closeOnSignal(running, (signal) => io.err(`${signal}: finishing requests, then stopping`));
  io.err('stopped');
  return EXIT.ok;
}
