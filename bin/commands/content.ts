import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle, formatProblem, loadContent } from '@/lib/content-files';
import { fingerprintFileOf, sourcesFingerprint } from '@/lib/content-files/fingerprint';
import { itemTypes } from '@/lib/content-model';
import { contentSyncCommands } from './content-sync';
import { DEFAULT_CONTENT_DIR, EXIT, UsageError, type Io } from '../io';

/** Where `wxt build` picks the starter pack up (see wxt.config.ts). */
export const DEFAULT_BUNDLE_PATH = resolve(DEFAULT_CONTENT_DIR, '..', 'build', 'starter-pack.json');
const REPO_ROOT = resolve(DEFAULT_CONTENT_DIR, '..');

function summary(counts: Map<string, number>): string {
  return itemTypes.map((def) => `${counts.get(def.type) ?? 0} ${def.folder}`).join(', ');
}

async function check(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('content check takes at most one folder');
  const content = await loadContent(positionals[0] ?? DEFAULT_CONTENT_DIR);
  for (const problem of content.problems) io.out(formatProblem(problem));
  if (content.problems.length > 0) {
    io.err(`${content.problems.length} problem(s) found`);
    return EXIT.problems;
  }
  const counts = new Map<string, number>();
  for (const { value } of content.items) counts.set(value.type, (counts.get(value.type) ?? 0) + 1);
  io.err(
    `content ok: ${content.apps.length} apps, ${summary(counts)}, ${content.templates.length} templates`,
  );
  return EXIT.ok;
}

async function build(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError('content build takes at most one folder');
  const ownBundle = positionals[0] === undefined && values.out === undefined;
  // Taken before reading, so an edit made while building leaves the record stale, not wrong.
  const sources = ownBundle ? sourcesFingerprint(REPO_ROOT) : undefined;
  const content = await loadContent(positionals[0] ?? DEFAULT_CONTENT_DIR);
  if (content.problems.length > 0) {
    for (const problem of content.problems) io.err(formatProblem(problem));
    io.err(`content build refused: ${content.problems.length} problem(s); nothing was written`);
    return EXIT.problems;
  }
  const out = resolve(values.out ?? DEFAULT_BUNDLE_PATH);
  await mkdir(dirname(out), { recursive: true });
  // Write beside the target and rename, so a reader never sees half a bundle.
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(buildBundle(content)));
  await rename(temporary, out);
  // The repository's own bundle records what it was built from, so `wxt build` can tell it is
  // fresh (wxt.config.ts); a bundle of another folder gets no record and is rebuilt there.
  if (sources !== undefined) await writeFile(fingerprintFileOf(out), sources);
  io.err(`wrote ${out}: ${content.apps.length} apps, ${content.items.length} items`);
  return EXIT.ok;
}

/** `waymark content check|build|push|pull …` (push and pull live in content-sync.ts) */
export async function contentCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') return check(rest, io);
  if (sub === 'build') return build(rest, io);
  if (sub === 'push') return contentSyncCommands.push(rest, io);
  if (sub === 'pull') return contentSyncCommands.pull(rest, io);
  throw new UsageError(
    sub === undefined
      ? 'content needs a subcommand: check, build, push or pull'
      : `unknown content subcommand "${sub}"`,
  );
}
