import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { dayOf } from '@/lib/insights';
import { toCsv, viewTables, type InsightView, type ViewTable } from '@/lib/insights/views';
import { exportTable } from '@/server/insights/csv-export';
import { readHelpdeskExport } from '@/server/insights/helpdesk-import';
import { rangeParams, viewQuery } from '@/server/insights/range';
import { views, type ViewName } from '@/server/insights/routes';
import { openStore, type Store } from '@/server/store';
import { EXIT, UsageError, type Io } from '../io';
import { databaseOption } from './database-option';

const VIEW_NAMES = Object.keys(views) as ViewName[];
/** As the policy's impactRecordKey (lib/insights/policy.ts). */
const MIN_KEY_LENGTH = 32;

/** A table as aligned text columns, empty cells as "–". */
function textTable(table: ViewTable): string {
  const cells = [
    table.columns,
    ...table.rows.map((row) => row.map((c) => (c === undefined || c === '' ? '–' : String(c)))),
  ];
  const widths = table.columns.map((_, i) =>
    Math.max(...cells.map((row) => (row[i] ?? '').length)),
  );
  const lines = cells.map((row) =>
    row
      .map((c, i) => (c ?? '').padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return `${table.name}\n${lines.join('\n')}\n`;
}

async function withStore<T>(
  db: string | undefined,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  // The CLI does not LISTEN: it reads (or imports) once and exits.
  const store = await openStore(databaseOption(db), { max: 1 });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `insights <view> [--since 30d] [--until DAY] [--app A] [--format table|csv|json] [--table T]`. */
async function showView(name: ViewName, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      since: { type: 'string', default: '30d' },
      until: { type: 'string' },
      app: { type: 'string' },
      format: { type: 'string', default: 'table' },
      table: { type: 'string' },
      db: { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`insights ${name} takes no positional arguments`);
  if (!['table', 'csv', 'json'].includes(values.format))
    throw new UsageError('--format must be table, csv or json');
  const params = rangeParams.safeParse({
    since: values.since,
    until: values.until,
    app: values.app,
  });
  if (!params.success)
    throw new UsageError(
      params.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '),
    );
  const { view, exported } = await withStore(values.db, async (store) => {
    let query: ReturnType<typeof viewQuery>;
    try {
      query = viewQuery(params.data, dayOf(store.now().getTime()));
    } catch (error) {
      // viewQuery names the parameter ("since: …"); on the command line it is a flag.
      if (error instanceof RangeError) throw new UsageError(`--${error.message}`);
      throw error;
    }
    const { build, schema } = views[name];
    const built = (schema as { parse: (v: unknown) => InsightView }).parse(
      await (build as (s: Store, q: typeof query) => Promise<InsightView>)(store, query),
    );
    // CSV is the export: a table the view lists only the top of comes whole (csv-export.ts).
    const whole =
      values.format === 'csv' ? await exportTable(store, query, built, values.table) : undefined;
    return { view: built, exported: whole };
  });
  if (values.format === 'json') {
    io.out(JSON.stringify(view, null, 2));
    return EXIT.ok;
  }
  const tables = viewTables(view).filter(
    (t) => values.table === undefined || t.name === values.table,
  );
  if (tables.length === 0)
    throw new UsageError(
      `--table must be one of ${viewTables(view)
        .map((t) => t.name)
        .join(', ')}`,
    );
  if (values.format === 'csv') io.out(toCsv(exported ?? tables[0]!).replace(/\r\n$/, ''));
  else io.out(tables.map(textTable).join('\n'));
  return EXIT.ok;
}

/** The organisation key: the first line of --key-file, or WAYMARK_IMPACT_KEY; ≥ 32 characters. */
async function impactKey(file: string | undefined): Promise<string> {
  let key = process.env.WAYMARK_IMPACT_KEY;
  let source = 'WAYMARK_IMPACT_KEY';
  if (file !== undefined) {
    try {
      key = (await readFile(file, 'utf8')).split(/\r?\n/)[0]!.trim();
      source = `--key-file ${file}`;
    } catch (error) {
      throw new UsageError(
        `cannot read --key-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  if (key === undefined || key === '')
    throw new UsageError(
      'the organisation key is needed: set WAYMARK_IMPACT_KEY or pass --key-file',
    );
  if (key.length < MIN_KEY_LENGTH)
    throw new UsageError(
      `the organisation key in ${source} has ${key.length} characters; it needs at least ${MIN_KEY_LENGTH} (the policy's impactRecordKey)`,
    );
  return key;
}

/** `insights import-helpdesk <export.csv> [--app zendesk] [--record-type ticket] [--key-file F]`. */
async function importHelpdesk(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      app: { type: 'string', default: 'zendesk' },
      'record-type': { type: 'string', default: 'ticket' },
      'key-file': { type: 'string' },
      db: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('insights import-helpdesk takes one CSV file');
  const file = positionals[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const key = await impactKey(values['key-file']);
  let parsed;
  try {
    parsed = await readHelpdeskExport(text, {
      key,
      app: values.app,
      recordType: values['record-type'],
    });
  } catch (error) {
    io.err(`waymark insights import-helpdesk: ${file}: ${(error as Error).message}`);
    return EXIT.problems;
  }
  const summary = await withStore(values.db, (store) =>
    store.importHelpdesk(parsed.tickets, {
      actor: 'cli',
      skipped: parsed.skipped,
      problems: parsed.problems,
    }),
  );
  for (const problem of summary.problems) io.err(`${file}: ${problem}`);
  io.out(
    `imported ${summary.tickets} tickets (${summary.matched} matched a record seen in Waymark: ${summary.guidance} with guidance opened, ${summary.no_guidance} without); ${summary.skipped} skipped; ticket ids were hashed and dropped`,
  );
  return summary.skipped > 0 ? EXIT.problems : EXIT.ok;
}

/** `insights prune`: the retention run the server makes every few hours, for a cron job. */
async function prune(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError('insights prune takes no positional arguments');
  const counts = await withStore(values.db, (store) =>
    store.pruneInsights(dayOf(store.now().getTime())),
  );
  io.out(
    Object.entries(counts)
      .map(([kind, n]) => `${kind}: ${n}`)
      .join('\n'),
  );
  return EXIT.ok;
}

/** `waymark insights …`: the insights views, a helpdesk import, a retention run. */
export function insightsCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import-helpdesk') return importHelpdesk(rest, io);
  if (sub === 'prune') return prune(rest, io);
  if (sub !== undefined && (VIEW_NAMES as string[]).includes(sub))
    return showView(sub as ViewName, rest, io);
  throw new UsageError(
    sub === undefined || sub.startsWith('-')
      ? `insights needs a view (${VIEW_NAMES.join(', ')}), import-helpdesk or prune`
      : `unknown insights subcommand "${sub}"`,
  );
}
