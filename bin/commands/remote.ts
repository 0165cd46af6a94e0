import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR, UsageError } from '../io';

/** A content folder and the server it syncs with (`content push|pull`). */
export interface Target {
  dir: string;
  server: string;
  token: string;
}

export function parseTarget(args: string[], sub: string): Target {
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
export async function call(
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

/** Writes `text` at `path` unless it already holds it; true when it wrote. */
export async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === text) return false;
  await mkdir(dirname(path), { recursive: true });
  // Beside the target, then renamed: an interrupted pull never leaves half a file.
  await writeFile(`${path}.${process.pid}.tmp`, text);
  await rename(`${path}.${process.pid}.tmp`, path);
  return true;
}
