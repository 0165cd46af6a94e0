import { join, resolve } from 'node:path';
import { formatProblem, loadContent } from '@/lib/content-files';
import { feedPageSchema, itemSchema, type AppDefinition, type Item } from '@/lib/content-model';
import { contentOf } from '@/server/item-input';
import { EXIT, type Io } from '../io';
import { appFileText, itemFileText, itemPath } from './item-file';
import { call, parseTarget, writeIfChanged, type Target } from './remote';
import { pushTemplates, serverTemplateFiles } from './template-sync';

/** Every item as an author sees it (any status); throws on anything but 200. */
export async function serverItems(target: Target): Promise<Map<string, Item>> {
  const { status, json } = await call(target, 'GET', '/v1/items');
  if (status !== 200) throw new Error(`GET /v1/items: ${status} ${String(json.message)}`);
  const items = (json.items as unknown[]).map((i) => itemSchema.parse(i));
  return new Map(items.map((i) => [i.id, i]));
}

export interface SendCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/**
 * Sends items through the API under the workflow's rules — new items as drafts, changed ones as
 * new draft versions based on the item's `version` (a server that moved on answers 409, never a
 * silent overwrite); unchanged ones are skipped. Each failure is printed as `file: status …`.
 */
export async function sendItems(
  target: Target,
  items: readonly { value: Item; file: string }[],
  remote: ReadonlyMap<string, Item>,
  io: Io,
): Promise<SendCounts> {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const { value: item, file } of items) {
    const current = remote.get(item.id);
    if (current !== undefined && contentOf(current) === contentOf(item)) {
      counts.unchanged += 1;
      continue;
    }
    const { status, json } =
      current === undefined
        ? await call(target, 'POST', '/v1/items', item)
        : await call(target, 'PUT', `/v1/items/${item.id}`, item, item.version);
    if (status === 200 || status === 201) {
      counts[status === 201 ? 'created' : 'updated'] += 1;
      continue;
    }
    counts.failed += 1;
    const hint = status === 409 ? ' (pull, merge and push again)' : '';
    io.out(`${file}: ${status} ${String(json.error)}: ${String(json.message)}${hint}`);
  }
  return counts;
}

/**
 * `content push`: every local item goes through the API (sendItems), then the templates, which
 * only an admin may change (template-sync.ts).
 */
async function push(args: string[], io: Io): Promise<number> {
  const target = parseTarget(args, 'push');
  const content = await loadContent(target.dir);
  if (content.problems.length > 0) {
    for (const problem of content.problems) io.out(formatProblem(problem));
    io.err(`content push refused: ${content.problems.length} problem(s); nothing was sent`);
    return EXIT.problems;
  }
  const counts = await sendItems(target, content.items, await serverItems(target), io);
  io.err(
    `pushed to ${target.server}: ${counts.created} created, ${counts.updated} updated (as drafts), ${counts.unchanged} unchanged, ${counts.failed} failed`,
  );
  const templatesFailed = await pushTemplates(target, content.templates, io);
  return counts.failed + templatesFailed > 0 ? EXIT.problems : EXIT.ok;
}

/** Every app in the feed (apps have no write API; they come from the feed like in the extension). */
async function serverApps(target: Target): Promise<AppDefinition[]> {
  const apps = new Map<string, AppDefinition>();
  let cursor = '';
  for (;;) {
    const { status, json } = await call(target, 'GET', `/v1/feed?limit=1000&cursor=${cursor}`);
    if (status !== 200) throw new Error(`GET /v1/feed: ${status} ${String(json.message)}`);
    const page = feedPageSchema.parse(json);
    for (const app of page.apps as AppDefinition[]) apps.set(app.id, app);
    for (const gone of page.deleted) if (gone.kind === 'app') apps.delete(gone.id);
    if (!page.more) return [...apps.values()];
    cursor = page.cursor;
  }
}

/**
 * `content pull`: the server's items (author view), apps and templates as files `content check`
 * accepts.
 */
async function pull(args: string[], io: Io): Promise<number> {
  const target = parseTarget(args, 'pull');
  const dir = resolve(target.dir);
  const [items, apps] = [await serverItems(target), await serverApps(target)];
  const files = [
    ...apps.map((app) => ({ path: join(dir, 'apps', `${app.id}.yaml`), text: appFileText(app) })),
    ...[...items.values()].map((item) => ({
      path: join(dir, itemPath(item)),
      text: itemFileText(item),
    })),
    ...(await serverTemplateFiles(target, dir)),
  ];
  let written = 0;
  for (const file of files) if (await writeIfChanged(file.path, file.text)) written += 1;
  io.err(
    `pulled from ${target.server} into ${dir}: ${written} written, ${files.length - written} unchanged`,
  );
  return EXIT.ok;
}

export const contentSyncCommands = { push, pull };
