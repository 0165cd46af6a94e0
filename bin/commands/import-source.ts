import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ImportSystem } from '@/lib/content-model';
import {
  FOLDER_EXTENSIONS,
  readConfluence,
  readFolder,
  readGuru,
  readZendesk,
  type SourceDocument,
  type SourceFile,
  type SourceReport,
} from '@/lib/import';
import { UsageError } from '../io';

/** What each system reads from a folder: the files it needs, by name. */
const WANTED: Record<ImportSystem, RegExp> = {
  zendesk: /\.json$/i,
  confluence: /(?:^|\/)entities\.xml$/i,
  guru: /\.(?:ya?ml|md|html?)$/i,
  html: FOLDER_EXTENSIONS.html,
  markdown: FOLDER_EXTENSIONS.markdown,
};

/** The export's files (paths relative to `root`, with `/`), or the one file given. */
async function sourceFiles(
  source: string,
  wanted: RegExp,
): Promise<{ root: string; files: SourceFile[] }> {
  const info = await stat(source).catch(() => undefined);
  if (info === undefined) throw new UsageError(`cannot read ${source}: no such file or folder`);
  if (info.isFile())
    return {
      root: dirname(source),
      files: [{ path: basename(source), text: await readFile(source, 'utf8') }],
    };
  const entries = await readdir(source, { withFileTypes: true, recursive: true });
  const paths = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(source, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => wanted.test(p))
    .sort();
  const files = await Promise.all(
    paths.map(async (path) => ({ path, text: await readFile(join(source, path), 'utf8') })),
  );
  return { root: source, files };
}

/** Reads an export of `system` at `source` into source documents (pure mapping in lib/import). */
export async function readSource(
  system: ImportSystem,
  source: string,
  baseUrl: string | undefined,
): Promise<SourceReport<SourceDocument> & { root: string }> {
  const { root, files } = await sourceFiles(source, WANTED[system]);
  const report = ((): SourceReport<SourceDocument> => {
    switch (system) {
      case 'zendesk':
        return readZendesk(files);
      case 'confluence': {
        const entities = files.find((f) => /(?:^|\/)entities\.xml$/i.test(f.path)) ?? files[0];
        if (entities === undefined)
          throw new UsageError(`no entities.xml in ${source}: unpack the space export first`);
        return readConfluence(entities, { baseUrl });
      }
      case 'guru':
        return readGuru(files, { baseUrl });
      default:
        return readFolder(system, files, { baseUrl });
    }
  })();
  return { ...report, root };
}
