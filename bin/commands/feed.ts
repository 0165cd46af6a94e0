import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FEED_PAGE_DEFAULT_LIMIT,
  FEED_PAGE_MAX_LIMIT,
  roleSchema,
  slugSchema,
} from '@/lib/content-model';
import { exportStaticFeed } from '@/server/static-export';
import { exportStaticFeedToS3, parseS3Url } from '@/server/static-s3';
import { openStore, type Audience } from '@/server/store';
import { EXIT, UsageError, type Io } from '../io';
import { databaseOption } from './database-option';

/** `role` or `role:team`, e.g. `learner:emea-support`. */
function parseAudience(raw: string): Audience {
  const [role = '', team, ...extra] = raw.split(':');
  const parsedRole = roleSchema.safeParse(role);
  if (
    !parsedRole.success ||
    extra.length > 0 ||
    (team !== undefined && !slugSchema.safeParse(team).success)
  )
    throw new UsageError(
      `--audience must be role[:team] with role one of ${roleSchema.options.join(', ')}`,
    );
  return { role: parsedRole.data, team };
}

function parsePageSize(raw: string): number {
  const size = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : 0;
  if (size < 1 || size > FEED_PAGE_MAX_LIMIT)
    throw new UsageError(`--page-size must be an integer from 1 to ${FEED_PAGE_MAX_LIMIT}`);
  return size;
}

async function exportFeed(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      audience: { type: 'string', default: 'learner' },
      db: { type: 'string' },
      'page-size': { type: 'string', default: String(FEED_PAGE_DEFAULT_LIMIT) },
      s3: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const s3 = values.s3 === undefined ? undefined : parseS3Url(values.s3);
  if (values.s3 !== undefined && s3 === undefined)
    throw new UsageError(`--s3 must be s3://BUCKET[/PREFIX], got "${values.s3}"`);
  if (s3 === undefined ? positionals.length !== 1 : positionals.length !== 0)
    throw new UsageError('feed export takes exactly one folder, or --s3 s3://BUCKET[/PREFIX]');
  const audience = parseAudience(values.audience);
  const pageSize = parsePageSize(values['page-size']);
  const store = await openStore(databaseOption(values.db), { max: 2 });
  try {
    if (s3 !== undefined) {
      const target = { ...s3, endpoint: values.endpoint, region: values.region };
      const { head, put, skipped } = await exportStaticFeedToS3(store, target, audience, pageSize);
      io.err(
        `put ${values.s3}/head.json: ${head.pages.length} page(s) for ${values.audience}; ${put.length - 1} new page file(s) uploaded, ${skipped} already there`,
      );
      return EXIT.ok;
    }
    const dir = resolve(positionals[0] ?? '');
    const head = await exportStaticFeed(store, dir, audience, pageSize);
    io.err(`wrote ${dir}/head.json: ${head.pages.length} page(s) for ${values.audience}`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/**
 * `waymark feed export <dir>|--s3 s3://BUCKET[/PREFIX] [--endpoint URL] [--region R]
 * [--audience role[:team]] [--db DB] [--page-size N]`
 */
export async function feedCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportFeed(rest, io);
  throw new UsageError(
    sub === undefined ? 'feed needs a subcommand: export' : `unknown feed subcommand "${sub}"`,
  );
}
