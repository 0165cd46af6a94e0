import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadContent } from '@/lib/content-files';
import { importSystems, type ImportSystem, type Item } from '@/lib/content-model';
import { planImport, type ImportNotice, type ImportPlan } from '@/lib/import';
import { DEFAULT_CONTENT_DIR, EXIT, UsageError, type Io } from '../io';
import { sendItems, serverItems } from './content-sync';
import { readSource } from './import-source';
import { itemFileText, itemPath } from './item-file';
import { call, writeIfChanged, type Target } from './remote';

interface ImportArgs {
  system: ImportSystem;
  source: string;
  into: string;
  target: Target | undefined;
  status: 'draft' | 'published';
  owner: string | undefined;
  baseUrl: string | undefined;
  dryRun: boolean;
}

function parseImportArgs(args: string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      into: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      status: { type: 'string', default: 'draft' },
      owner: { type: 'string' },
      'base-url': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [system, source, ...extra] = positionals;
  if (!importSystems.includes(system as ImportSystem))
    throw new UsageError(`import needs a source system: ${importSystems.join(', ')}`);
  if (source === undefined || extra.length > 0)
    throw new UsageError('import takes one export (a file or folder)');
  if (values.status !== 'draft' && values.status !== 'published')
    throw new UsageError('--status must be draft or published');
  if (values.server !== undefined && values.into !== undefined)
    throw new UsageError('give --into or --server, not both');
  if (values.server !== undefined && values.status === 'published')
    throw new UsageError(
      '--status published applies to --into only: on a server the workflow decides (imported items land as drafts for a reviewer to publish)',
    );
  const token = values.token ?? process.env.WAYMARK_TOKEN;
  if (values.server !== undefined && token === undefined)
    throw new UsageError('import --server needs --token T (or WAYMARK_TOKEN)');
  const target =
    values.server === undefined
      ? undefined
      : { dir: '', server: values.server.replace(/\/+$/, ''), token: token ?? '' };
  if (values['base-url'] !== undefined && !/^https?:\/\/[^/]/.test(values['base-url']))
    throw new UsageError('--base-url must be an http(s) URL');
  return {
    system: system as ImportSystem,
    source,
    into: resolve(values.into ?? DEFAULT_CONTENT_DIR),
    target,
    status: values.status,
    owner: values.owner,
    baseUrl: values['base-url'],
    dryRun: values['dry-run'],
  };
}

/** The owner of items whose source names none: --owner, else the token's user, else a placeholder. */
async function fallbackOwner(args: ImportArgs): Promise<string> {
  if (args.owner !== undefined) return args.owner;
  if (args.target === undefined) return 'unassigned';
  const { status, json } = await call(args.target, 'GET', '/v1/me');
  if (status !== 200) throw new Error(`GET /v1/me: ${status} ${String(json.message)}`);
  return String(json.email);
}

/**
 * `waymark import <system> <export>`: reads the export, plans items (ids from provenance, links
 * between imported articles rewritten, drafts unless --status published), then writes them into a
 * content folder — and checks that folder as `content check` does — or sends them to a server
 * through the same API calls as `content push`.
 */
export async function importCommand(args: string[], io: Io): Promise<number> {
  const options = parseImportArgs(args);
  const read = await readSource(options.system, options.source, options.baseUrl);
  const shown = (file: string) => relative(process.cwd(), join(read.root, file)) || file;
  const print = (notice: ImportNotice) =>
    io.out(formatProblem({ ...notice, file: shown(notice.file) }));
  const remote = options.target === undefined ? undefined : await serverItems(options.target);
  const existing: Item[] =
    remote !== undefined
      ? [...remote.values()]
      : (await loadContent(options.into)).items.map((i) => i.value);
  const plan = planImport(read.documents, {
    status: options.status,
    owner: await fallbackOwner(options),
    now: new Date(),
    existing,
  });
  const problems = [...read.problems, ...plan.problems];
  for (const notice of [...problems, ...plan.notices].sort(byPlace)) print(notice);
  const failed = options.dryRun
    ? 0
    : options.target === undefined
      ? await writeFolder(plan, options, io)
      : await sendToServer(plan, options.target, remote ?? new Map(), io);
  io.err(summary(plan, options, problems.length + failed));
  return problems.length + failed > 0 ? EXIT.problems : EXIT.ok;
}

const byPlace = (a: ImportNotice, b: ImportNotice) =>
  a.file.localeCompare(b.file) || a.line - b.line;

/** Writes new and changed items, then checks the folder; answers how many imported files fail the check. */
async function writeFolder(plan: ImportPlan, options: ImportArgs, io: Io): Promise<number> {
  const written = new Set<string>();
  for (const { item, state } of plan.items) {
    if (state === 'unchanged') continue;
    const path = join(options.into, itemPath(item));
    await writeIfChanged(path, itemFileText(item));
    written.add(resolve(path));
  }
  const check = await loadContent(options.into);
  const ours = check.problems.filter((p) => written.has(resolve(p.file)));
  for (const problem of ours) io.out(formatProblem(problem));
  return ours.length;
}

async function sendToServer(
  plan: ImportPlan,
  target: Target,
  remote: ReadonlyMap<string, Item>,
  io: Io,
): Promise<number> {
  const changed = plan.items
    .filter((p) => p.state !== 'unchanged')
    .map((p) => ({ value: p.item, file: `${p.document.file}:${p.document.line}` }));
  return (await sendItems(target, changed, remote, io)).failed;
}

function summary(plan: ImportPlan, options: ImportArgs, failed: number): string {
  const count = (state: string) => plan.items.filter((p) => p.state === state).length;
  const where = options.target?.server ?? (relative(process.cwd(), options.into) || '.');
  const as =
    options.target !== undefined || options.status === 'draft'
      ? 'as drafts for review'
      : 'published';
  const back = plan.items.filter((p) => p.republish && p.state === 'updated').length;
  const dry = options.dryRun ? ' (dry run: nothing written)' : '';
  const review =
    back > 0 ? `; ${back} published item(s) changed at the source and go back to review` : '';
  return `imported ${options.system} into ${where}${dry}: ${count('new')} new, ${count('updated')} updated (${as}), ${count('unchanged')} unchanged, ${failed} failed${review}`;
}
