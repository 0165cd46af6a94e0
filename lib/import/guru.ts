import { parse } from 'yaml';
import { z } from 'zod';
import { absoluteUrl } from './article-fields';
import { markdownToHtml } from './markdown-source';
import type { SourceDocument } from './source-document';
import type { SourceFile } from './source-file';
import type { SourceReport } from './zendesk';

/**
 * A Guru collection export (the format of Guru's .zip import/export, unpacked): `cards/<id>.yaml`
 * (Title, ExternalId, ExternalUrl, Tags) beside `cards/<id>.md` or `.html`, `folders/<id>.yaml`
 * (or the older `boards/`) listing their Items, and `collection.yaml`.
 */
const cardSchema = z.object({
  Title: z.string(),
  ExternalId: z.union([z.string(), z.number()]).transform(String).optional(),
  ExternalUrl: z.string().optional(),
  Tags: z.array(z.string()).default([]),
});
interface ContainerItem {
  ID?: string | number;
  Type?: string;
  Title?: string;
  Items?: ContainerItem[];
}
const containerSchema = z.object({
  Title: z.string().default(''),
  Items: z.array(z.custom<ContainerItem>((v) => typeof v === 'object' && v !== null)).default([]),
});

const stem = (path: string) => (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
const folderOf = (path: string) => path.split('/').slice(-2, -1)[0] ?? '';

/** Titles of the folders and boards (and board sections) each card sits in. */
function containerTitles(files: readonly SourceFile[], report: SourceReport<SourceDocument>) {
  const titles = new Map<string, string[]>();
  const add = (items: ContainerItem[], trail: string[]) => {
    for (const item of items) {
      const here =
        item.Type === 'section' && item.Title !== undefined ? [...trail, item.Title] : trail;
      if (item.Type === 'card' && item.ID !== undefined)
        titles.set(String(item.ID), [...(titles.get(String(item.ID)) ?? []), ...here]);
      add(item.Items ?? [], here);
    }
  };
  for (const file of files.filter(
    (f) => ['folders', 'boards'].includes(folderOf(f.path)) && /\.ya?ml$/.test(f.path),
  )) {
    const parsed = readYaml(file, containerSchema, report);
    if (parsed !== undefined) add(parsed.Items, parsed.Title === '' ? [] : [parsed.Title]);
  }
  return titles;
}

function readYaml<T>(
  file: SourceFile,
  schema: z.ZodType<T>,
  report: SourceReport<SourceDocument>,
): T | undefined {
  try {
    const result = schema.safeParse(parse(file.text));
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    report.problems.push({
      file: file.path,
      line: 1,
      message: `${issue?.path.join('.') || 'file'}: ${issue?.message}`,
    });
  } catch (error) {
    report.problems.push({
      file: file.path,
      line: 1,
      message: `not YAML: ${(error as Error).message.split('\n')[0]}`,
    });
  }
  return undefined;
}

/** Every card of the export, its folders' titles and its own tags as tags. */
export function readGuru(
  files: readonly SourceFile[],
  options: { baseUrl?: string | undefined } = {},
): SourceReport<SourceDocument> {
  const report: SourceReport<SourceDocument> = { documents: [], problems: [] };
  const titles = containerTitles(files, report);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const cardFiles = files.filter((f) => folderOf(f.path) === 'cards' && /\.ya?ml$/.test(f.path));
  if (cardFiles.length === 0)
    report.problems.push({
      file: files[0]?.path ?? '.',
      line: 1,
      message: 'no cards/*.yaml: not a Guru collection export',
    });
  for (const file of cardFiles) {
    const card = readYaml(file, cardSchema, report);
    if (card === undefined) continue;
    const base = file.path.replace(/\.ya?ml$/, '');
    const content = byPath.get(`${base}.html`) ?? byPath.get(`${base}.md`);
    if (content === undefined) {
      report.problems.push({
        file: file.path,
        line: 1,
        message: `card "${card.Title}" has no ${stem(file.path)}.html or .md beside it`,
      });
      continue;
    }
    const id = stem(file.path);
    report.documents.push(toDocument(card, id, content, titles.get(id) ?? [], options.baseUrl));
  }
  return report;
}

function toDocument(
  card: z.infer<typeof cardSchema>,
  id: string,
  content: SourceFile,
  containers: string[],
  baseUrl: string | undefined,
): SourceDocument {
  const url = card.ExternalUrl === undefined ? undefined : absoluteUrl(card.ExternalUrl, undefined);
  const appSlug = url === undefined ? undefined : guruCardSlug(url);
  return {
    system: 'guru',
    sourceId: card.ExternalId ?? id,
    ...(url === undefined ? {} : { url }),
    title: card.Title,
    html: content.path.endsWith('.md') ? markdownToHtml(content.text) : content.text,
    tags: [...containers, ...card.Tags.map((t) => t.split(':').pop() ?? t)],
    file: content.path,
    line: 1,
    linkKeys: [`guru:${id}`, ...(appSlug === undefined ? [] : [`guru-card:${appSlug}`])],
    linkKey: (href) => {
      const slug = guruCardSlug(href);
      if (slug !== undefined) return `guru-card:${slug}`;
      const local = /(?:^|\/)cards\/([^/?#]+?)(?:\.(?:ya?ml|md|html))?(?:[?#].*)?$/.exec(href);
      return local === null ? undefined : `guru:${local[1]}`;
    },
    resolveUrl: (href) => absoluteUrl(href, baseUrl),
  };
}

/** `https://app.getguru.com/card/iX4LdE4T/360-Reviews` → `iX4LdE4T`. */
function guruCardSlug(url: string): string | undefined {
  return /^https?:\/\/app\.getguru\.com\/card\/([A-Za-z0-9]+)/.exec(url)?.[1];
}
