import { parseArgs } from 'node:util';
import {
  describeLocation,
  migrateStore,
  openStore,
  storeSchemaStatus,
  type DumpChunk,
  type Store,
} from '@/server/store';
import { EXIT, UsageError, type Io } from '../io';
import { databaseOption } from './database-option';

function dbFlag(args: string[], sub: string): string {
  const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`db ${sub} takes no positional arguments`);
  return databaseOption(values.db);
}

async function migrate(args: string[], io: Io): Promise<number> {
  const db = dbFlag(args, 'migrate');
  const status = await migrateStore(db);
  io.err(
    `${describeLocation(db)}: schema at version ${status.current} (${status.applied} migration(s) applied)`,
  );
  return EXIT.ok;
}

async function status(args: string[], io: Io): Promise<number> {
  const db = dbFlag(args, 'status');
  const { current, latest } = await storeSchemaStatus(db);
  const state =
    current === latest ? 'up to date' : current < latest ? 'behind' : 'newer than this server';
  io.out(`${describeLocation(db)}: schema version ${current} of ${latest} (${state})`);
  return current === latest ? EXIT.ok : EXIT.problems;
}

/** Counts rows per table as they stream from the source to the target. */
async function* counted(
  chunks: AsyncGenerator<DumpChunk>,
  counts: Map<string, number>,
): AsyncGenerator<DumpChunk> {
  for await (const chunk of chunks) {
    counts.set(chunk.table, (counts.get(chunk.table) ?? 0) + chunk.rows.length);
    yield chunk;
  }
}

/**
 * `db copy --from A --to B`: every row of A into the empty database B, in one transaction on B,
 * with the epoch and the feed sequence: cursors and ETags clients hold stay valid, so the
 * extension syncs on from where it was instead of starting over. Stop the servers on A first.
 */
async function copy(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  if (positionals.length > 0 || values.from === undefined || values.to === undefined)
    throw new UsageError('db copy needs --from DATABASE and --to DATABASE');
  if (values.from === values.to) throw new UsageError('db copy: --from and --to are the same');
  let source: Store | undefined;
  let target: Store | undefined;
  try {
    source = await openStore(values.from, { migrate: false, max: 2 });
    target = await openStore(values.to, { max: 2 });
    const counts = new Map<string, number>();
    await target.load(counted(source.dump(), counts));
    const summary = [...counts].map(([table, n]) => `${n} ${table}`).join(', ');
    io.err(`copied ${describeLocation(values.from)} → ${describeLocation(values.to)}: ${summary}`);
    io.err(`epoch ${target.epoch}, feed sequence ${await target.committedSeq()}: clients sync on`);
    return EXIT.ok;
  } catch (error) {
    if (!/not empty/.test((error as Error).message)) throw error;
    io.err(
      `waymark db copy: ${describeLocation(values.to)} ${(error as Error).message}; copy into a new database`,
    );
    return EXIT.problems;
  } finally {
    await source?.close();
    await target?.close();
  }
}

/** `waymark db migrate|status|copy`: the database's schema, and moving to another backend. */
export function dbCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'migrate') return migrate(rest, io);
  if (sub === 'status') return status(rest, io);
  if (sub === 'copy') return copy(rest, io);
  throw new UsageError(
    sub === undefined
      ? 'db needs a subcommand: migrate, status or copy'
      : `unknown db subcommand "${sub}"`,
  );
}
