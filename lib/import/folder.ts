import type { Element, Root } from 'hast';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import { parse } from 'yaml';
import { splitFrontMatter } from '@/lib/content-files/front-matter';
import { absoluteUrl } from './article-fields';
import { parseHtml } from './html-to-markdown';
import { leadingHeading, markdownToHtml } from './markdown-source';
import type { SourceDocument } from './source-document';
import type { SourceFile } from './source-file';
import type { SourceReport } from './zendesk';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export type FolderKind = 'html' | 'markdown';

export const FOLDER_EXTENSIONS: Record<FolderKind, RegExp> = {
  html: /\.html?$/i,
  markdown: /\.(?:md|markdown)$/i,
};

interface FolderOptions {
  /** Where the folder is published, e.g. `https://docs.acme.example/kb/`: relative URLs resolve there. */
  baseUrl?: string | undefined;
}

/** `a/b/../c.md#x` → `a/c.md` (POSIX paths inside the folder). */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** A relative link from `from` to another file of the folder, as that file's path. */
function linkedPath(from: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return undefined;
  const path = decodeURIComponent(href.replace(/[?#].*$/, ''));
  if (path === '') return undefined;
  const dir = from.split('/').slice(0, -1).join('/');
  return normalise(path.startsWith('/') ? path : `${dir}/${path}`);
}

/** An HTML page's title (`<title>`, else its first `<h1>`, which then leaves the body). */
function htmlTitle(tree: Root): string | undefined {
  let title: string | undefined;
  let h1: { node: Element; parent: Element | Root; index: number } | undefined;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'title' && title === undefined) title = textOf(node).trim();
    if (node.tagName === 'h1' && h1 === undefined && parent !== undefined && index !== undefined)
      h1 = { node, parent, index };
    return node.tagName === 'title' ? SKIP : undefined;
  });
  const heading = h1 === undefined ? undefined : textOf(h1.node).trim();
  if (h1 !== undefined && (title === undefined || title === '' || heading === title)) {
    h1.parent.children.splice(h1.index, 1);
    return heading;
  }
  return title;
}

const textOf = (node: Element | Root): string =>
  node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('');

/** A Markdown file's title, tags and body: front matter first, else its leading `# heading`. */
function markdownParts(file: SourceFile): {
  title?: string;
  tags: string[];
  updatedAt?: string;
  body: string;
  line: number;
} {
  const split = splitFrontMatter(file.text);
  const fields =
    typeof split === 'string' ? {} : ((parse(split.yaml) ?? {}) as Record<string, unknown>);
  const body = typeof split === 'string' ? file.text : split.body;
  const line = typeof split === 'string' ? 1 : split.bodyLine;
  const tags = Array.isArray(fields.tags) ? fields.tags.map(String) : [];
  const date = fields.updated_at ?? fields.updated ?? fields.date;
  const updatedAt =
    date instanceof Date
      ? date.toISOString()
      : typeof date === 'string' && ISO_DATE.test(date)
        ? date
        : undefined;
  const heading = typeof fields.title === 'string' ? undefined : leadingHeading(body);
  const title = typeof fields.title === 'string' ? fields.title : heading?.title;
  return {
    ...(title === undefined ? {} : { title }),
    tags,
    ...(updatedAt === undefined ? {} : { updatedAt }),
    body: heading?.rest ?? body,
    line,
  };
}

/**
 * A folder of HTML pages or Markdown files (a static help site, a wiki checkout): one article per
 * file, its folder names as tags, relative links between files kept as links between the items.
 */
export function readFolder(
  kind: FolderKind,
  files: readonly SourceFile[],
  options: FolderOptions = {},
): SourceReport<SourceDocument> {
  const report: SourceReport<SourceDocument> = { documents: [], problems: [] };
  const base = options.baseUrl === undefined ? undefined : options.baseUrl.replace(/\/*$/, '/');
  for (const file of files.filter((f) => FOLDER_EXTENSIONS[kind].test(f.path))) {
    try {
      report.documents.push(
        kind === 'html' ? htmlDocument(file, base) : markdownDocument(file, base),
      );
    } catch (error) {
      report.problems.push({
        file: file.path,
        line: 1,
        message: `cannot read: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  if (report.documents.length === 0 && report.problems.length === 0)
    report.problems.push({
      file: '.',
      line: 1,
      message: `no ${kind === 'html' ? '.html' : '.md'} files found`,
    });
  return report;
}

function common(file: SourceFile, base: string | undefined) {
  const folders = file.path.split('/').slice(0, -1);
  const stem = (file.path.split('/').pop() ?? file.path)
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ');
  const url = base === undefined ? undefined : absoluteUrl(file.path, base);
  return {
    sourceId: file.path,
    ...(url === undefined ? {} : { url }),
    stem,
    tags: folders,
    file: file.path,
    linkKeys: [`path:${normalise(file.path)}`],
    linkKey: (href: string) => {
      const path = linkedPath(file.path, href);
      return path === undefined ? undefined : `path:${path}`;
    },
    resolveUrl: (href: string) => absoluteUrl(href, url),
  };
}

/** A page's own content: its `<main>` or `<article>` when it has one (not the site's chrome). */
function mainContent(tree: Root): Root {
  let main: Element | undefined;
  visit(tree, 'element', (node) => {
    if (main === undefined && (node.tagName === 'main' || node.tagName === 'article')) main = node;
    return main === undefined ? undefined : EXIT;
  });
  return main === undefined ? tree : { type: 'root', children: [main] };
}

function htmlDocument(file: SourceFile, base: string | undefined): SourceDocument {
  const whole = parseHtml(file.text, true);
  const title = htmlTitle(whole);
  const tree = mainContent(whole);
  const { stem, ...rest } = common(file, base);
  return {
    ...rest,
    system: 'html',
    title: title ?? stem,
    html: tree,
    document: true,
    line: 1,
  };
}

function markdownDocument(file: SourceFile, base: string | undefined): SourceDocument {
  const parts = markdownParts(file);
  const { stem, tags, ...rest } = common(file, base);
  return {
    ...rest,
    system: 'markdown',
    title: parts.title ?? stem,
    html: markdownToHtml(parts.body),
    tags: [...tags, ...parts.tags],
    ...(parts.updatedAt === undefined ? {} : { updatedAt: parts.updatedAt }),
    line: parts.line,
  };
}
