import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadContent } from '@/lib/content-files';
import { feedPageSchema, itemSchema, type AppDefinition, type Item } from '@/lib/content-model';
import { contentOf } from '@/server/item-input';
import { DEFAULT_CONTENT_DIR, EXIT, UsageError, type Io } from '../io';
import { appFileText, itemFileText, itemPath } from './item-file';

interface Target {
  dir: string;
  server: string;
  token: string;
}

function parseTarget(args: string[], sub: string): Target {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { server: { type: 'string' }, token: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError(`content ${sub} takes at most one folder`);
  const token = values.token ?? process.env.WAYMARK_TOKEN;
  if (values.server === undefined) throw new UsageError(`content ${sub} needs --server URL`);
  if (token === undefined)
    throw new UsageError(`content ${sub} needs --token T (or WAYMARK_TOKEN)`);
  return {
    dir: positionals[0] ?? DEFAULT_CONTENT_DIR,
    server: values.server.replace(/\/+$/, ''),
    token,
  };
}

/** One API call; answers the status and parsed JSON, whatever the status. */
async function call(
  target: Target,
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: number,
) {
  const res = await fetch(`${target.server}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${target.token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Every item as an author sees it (any status); throws on anything but 200. */
async function serverItems(target: Target): Promise<Map<string, Item>> {
  const { status, json } = await call(target, 'GET', '/v1/items');
  if (status !== 200) throw new Error(`GET /v1/items: ${status} ${String(json.message)}`);
  const items = (json.items as unknown[]).map((i) => itemSchema.parse(i));
  return new Map(items.map((i) => [i.id, i]));
}

/**
 * `content push`: every local item goes through the API under the workflow's rules — new items
 * as drafts, changed ones as new draft versions based on the file's `version` (a server that
 * moved on answers 409, never a silent overwrite); unchanged ones are skipped.
 */
async function push(args: string[], io: Io): Promise<number> {
  const target = parseTarget(args, 'push');
  const content = await loadContent(target.dir);
  if (content.problems.length > 0) {
    for (const problem of content.problems) io.out(formatProblem(problem));
    io.err(`content push refused: ${content.problems.length} problem(s); nothing was sent`);
    return EXIT.problems;
  }
  const remote = await serverItems(target);
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const { value: item, file } of content.items) {
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
  io.err(
    `pushed to ${target.server}: ${counts.created} created, ${counts.updated} updated (as drafts), ${counts.unchanged} unchanged, ${counts.failed} failed`,
  );
  return counts.failed > 0 ? EXIT.problems : EXIT.ok;
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

/** Writes `text` at `path` unless it already holds it; true when it wrote. */
async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === text) return false;
  await mkdir(dirname(path), { recursive: true });
  // Beside the target, then renamed: an interrupted pull never leaves half a file.
  await writeFile(`${path}.${process.pid}.tmp`, text);
  await rename(`${path}.${process.pid}.tmp`, path);
  return true;
}

/** `content pull`: the server's items (author view) and apps as files `content check` accepts. */
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
  ];
  let written = 0;
  for (const file of files) if (await writeIfChanged(file.path, file.text)) written += 1;
  io.err(
    `pulled from ${target.server} into ${dir}: ${written} written, ${files.length - written} unchanged`,
  );
  return EXIT.ok;
}

export const contentSyncCommands = { push, pull };
