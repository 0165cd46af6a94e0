import { parseArgs } from 'node:util';
import { loadContent } from '@/lib/content-files';
import { closeOnSignal, startServer } from '@/server/main';
import { SeedRefusedError, seedFromContent } from '@/server/seed';
import { describeLocation, openStore } from '@/server/store';
import { DEFAULT_CONTENT_DIR, EXIT, UsageError, type Io } from '../io';
import { databaseOption } from './database-option';
import { identityFromOptions, identityOptions } from './identity-options';

function parsePort(raw: string): number {
  if (!/^[0-9]{1,5}$/.test(raw) || Number(raw) > 65535)
    throw new UsageError(`--port must be a port number from 0 to 65535, got "${raw}"`);
  return Number(raw);
}

function parseSeconds(raw: string): number {
  if (!/^[0-9]{1,3}(\.[0-9]+)?$/.test(raw))
    throw new UsageError(`--drain must be a number of seconds, got "${raw}"`);
  return Number(raw);
}

/**
 * `waymark serve [--db FILE|postgres://…] [--port N] [--host H] [--seed DIR] [--drain S]
 * [--config waymark.yaml] [--oidc-issuer URL --oidc-audience AUD]`: the
 * content server. Seeds an empty database from content/, prints the URL on stdout, and runs
 * until SIGINT or SIGTERM; then /readyz turns 503 for `--drain` seconds (so a load balancer
 * moves on), in-flight requests finish, and it exits. With PostgreSQL (`--db postgres://…` or
 * DATABASE_URL) any number of instances share one database; each applies pending migrations
 * under an advisory lock as it starts.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: DEFAULT_CONTENT_DIR },
      drain: { type: 'string', default: '0' },
      'request-log': { type: 'string', default: 'on' },
      ...identityOptions,
    },
  });
  if (positionals.length > 0) throw new UsageError('serve takes no positional arguments');
  const port = parsePort(values.port);
  const drainMs = parseSeconds(values.drain) * 1000;
  if (!['on', 'off'].includes(values['request-log']))
    throw new UsageError('--request-log must be on or off');
  const identity = identityFromOptions(values, process.env);
  const db = databaseOption(values.db);
  const store = await openStore(db, { listen: true, backgroundCheckpoint: true });
  try {
    const seeded = await seedFromContent(store, values.seed, loadContent);
    if (seeded !== undefined)
      io.err(
        `seeded ${describeLocation(db)} from ${values.seed}: ${seeded.apps} apps, ${seeded.items} items, ${seeded.templates} templates`,
      );
  } catch (error) {
    await store.close();
    if (!(error instanceof SeedRefusedError)) throw error;
    for (const problem of error.problems) io.err(problem);
    io.err(`waymark serve: ${error.message}`);
    return EXIT.problems;
  }
  // Off when a proxy in front logs requests already (one JSON line per request costs CPU).
  const log = values['request-log'] === 'off' ? false : undefined;
  const running = await startServer(store, { host: values.host, port, log, identity });
  io.out(`Waymark content server listening on ${running.url}`);
  await closeOnSignal(
    running,
    (signal) =>
      io.err(`${signal}: draining for ${values.drain} s, finishing requests, then stopping`),
    drainMs,
  );
  io.err('stopped');
  return EXIT.ok;
}
