import { appSchema, type AppDefinition, type Item, type ItemTypeDef } from '@/lib/content-model';
import { splitFrontMatter } from './front-matter';
import { findUnsafeMarkdown, lineAt } from '@/lib/markdown/link-safety';
import { maskLiteralText } from '@/lib/markdown/literal-text';
import type { Problem } from './problem';
import { parseYamlSource, zodProblems, type YamlSource } from './yaml-source';

/** A parsed file plus what is needed to report later, cross-file problems at the right line. */
export interface Located<T> {
  value: T;
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number;
}

export type Parsed<T> =
  { ok: true; located: Located<T>; problems: Problem[] } | { ok: false; problems: Problem[] };

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

/** Fills `id` from the file name, or reports a front-matter id that disagrees with it. */
export function reconcileId(
  value: unknown,
  file: string,
  source: YamlSource,
  problems: Problem[],
): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const stem = fileStem(file);
  if (record.id === undefined) return { ...record, id: stem };
  if (record.id !== stem) {
    problems.push({
      file,
      line: source.lineOf(['id']),
      message: `id ${JSON.stringify(record.id)} must equal the file name "${stem}"`,
    });
  }
  return record;
}

export function parseAppFile(text: string, file: string): Parsed<AppDefinition> {
  const source = parseYamlSource(text, file);
  const problems = [...source.problems];
  if (source.value === undefined) return { ok: false, problems };
  const input = reconcileId(source.value, file, source, problems);
  const result = appSchema.safeParse(input);
  if (!result.success)
    return { ok: false, problems: [...problems, ...zodProblems(result.error, source, file)] };
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    located: { value: result.data, file, lineOf: (path) => source.lineOf(path) },
    problems,
  };
}

/** Markdown-bearing fields inside front matter (lesson steps) are checked for unsafe links too. */
function unsafeInFrontMatter(item: Item, source: YamlSource, file: string): Problem[] {
  if (item.type !== 'lesson') return [];
  return item.steps.flatMap((step, i) =>
    findUnsafeMarkdown(step.body, maskLiteralText).map((spot) => ({
      file,
      line: source.lineOf(['steps', i, 'body']),
      message: spot.message,
    })),
  );
}

/** A Markdown file's front matter (a YAML mapping) and body, or the problems that stop reading it. */
export type FrontMatterFile =
  | {
      ok: true;
      fields: Record<string, unknown>;
      body: string;
      bodyLine: number;
      source: YamlSource;
      problems: Problem[];
    }
  | { ok: false; problems: Problem[] };

/**
 * Reads front matter + body, reporting a "body" field in the front matter and unsafe links in the
 * body (those are problems, but the fields can still be checked).
 */
export function readFrontMatterFile(text: string, file: string): FrontMatterFile {
  const split = splitFrontMatter(text);
  if (typeof split === 'string')
    return { ok: false, problems: [{ file, line: 1, message: split }] };
  const source = parseYamlSource(split.yaml, file, split.yamlLine);
  const problems = [...source.problems];
  if (source.value === undefined) return { ok: false, problems };
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: split.yamlLine,
          message: 'the front matter must be a YAML mapping of fields',
        },
      ],
    };
  }
  const fields = source.value as Record<string, unknown>;
  if ('body' in fields) {
    problems.push({
      file,
      line: source.lineOf(['body']),
      message: 'the body goes after the front matter, not in a "body" field',
    });
  }
  for (const spot of findUnsafeMarkdown(split.body, maskLiteralText)) {
    problems.push({
      file,
      line: split.bodyLine + lineAt(split.body, spot.offset) - 1,
      message: spot.message,
    });
  }
  return { ok: true, fields, body: split.body, bodyLine: split.bodyLine, source, problems };
}

export function parseItemFile(text: string, file: string, def: ItemTypeDef): Parsed<Item> {
  const read = readFrontMatterFile(text, file);
  if (!read.ok) return read;
  const { fields, source, problems } = read;
  if (fields.type !== undefined && fields.type !== def.type) {
    problems.push({
      file,
      line: source.lineOf(['type']),
      message: `type ${JSON.stringify(fields.type)} does not belong in ${def.folder}/ (expected "${def.type}")`,
    });
  }
  const input = reconcileId({ ...fields, body: read.body }, file, source, problems);
  const result = def.schema.safeParse(input);
  if (!result.success)
    return { ok: false, problems: [...problems, ...zodProblems(result.error, source, file)] };
  const item = result.data as Item;
  problems.push(...unsafeInFrontMatter(item, source, file));
  const located: Located<Item> = { value: item, file, lineOf: (path) => source.lineOf(path) };
  return problems.length === 0 ? { ok: true, located, problems } : { ok: false, problems };
}
