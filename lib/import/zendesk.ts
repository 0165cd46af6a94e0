import { z } from 'zod';
import { absoluteUrl } from './article-fields';
import type { SourceDocument } from './source-document';
import { lineOfMatch, linesByMatch, type SourceFile } from './source-file';

/**
 * Zendesk Guide, as the Help Center API returns it: `GET /api/v2/help_center/articles.json
 * ?include=sections,categories,users` pages (`articles` plus side-loaded `sections`,
 * `categories`, `users`), or one `{ "article": … }`. Field names are the API's
 * (developer.zendesk.com/api-reference/help_center/help-center-api/articles/).
 */
const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const articleSchema = z.object({
  id,
  html_url: z.string().optional(),
  title: z.string(),
  body: z.string().nullable().default(''),
  label_names: z.array(z.string()).default([]),
  section_id: id.nullable().optional(),
  author_id: id.nullable().optional(),
  updated_at: z.iso.datetime({ offset: true }).optional(),
  edited_at: z.iso.datetime({ offset: true }).nullable().optional(),
  draft: z.boolean().default(false),
  locale: z.string().optional(),
});
const sectionSchema = z.object({ id, name: z.string(), category_id: id.nullable().optional() });
const categorySchema = z.object({ id, name: z.string() });
const userSchema = z.object({ id, email: z.string().nullable().optional() });
const pageSchema = z.object({
  articles: z.array(z.unknown()).optional(),
  article: z.unknown().optional(),
  sections: z.array(sectionSchema).default([]),
  categories: z.array(categorySchema).default([]),
  users: z.array(userSchema).default([]),
});

type ZendeskArticle = z.infer<typeof articleSchema>;

/** `/hc/en-us/articles/360001234567-Some-title`, `/hc/articles/…`, or the API's article URL. */
const ARTICLE_PATH =
  /\/(?:hc|api\/v2\/help_center)(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?\/articles\/(\d+)/i;

export interface SourceReport<T> {
  documents: T[];
  problems: { file: string; line: number; message: string }[];
}

/** Every article in the given API responses, with its section and category names as tags. */
export function readZendesk(files: readonly SourceFile[]): SourceReport<SourceDocument> {
  const report: SourceReport<SourceDocument> = { documents: [], problems: [] };
  const pages = files.flatMap((file) => parsePage(file, report));
  const sections = new Map(
    pages.flatMap(({ page }) => page.sections.map((s) => [s.id, s] as const)),
  );
  const categories = new Map(
    pages.flatMap(({ page }) => page.categories.map((c) => [c.id, c.name] as const)),
  );
  const emails = new Map(
    pages.flatMap(({ page }) => page.users.map((u) => [u.id, u.email ?? undefined] as const)),
  );
  for (const { file, page } of pages) {
    const raw = page.article === undefined ? (page.articles ?? []) : [page.article];
    const idLines = linesByMatch(file.text, /"id"\s*:\s*"?(\d+)/g);
    raw.forEach((input, index) => {
      const parsed = articleSchema.safeParse(input);
      const line = parsed.success
        ? (idLines.get(parsed.data.id) ?? 1)
        : lineOfMatch(file.text, /"title"\s*:/g, index);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        report.problems.push({
          file: file.path,
          line,
          message: `article ${index + 1}: ${issue?.path.join('.')}: ${issue?.message}`,
        });
        return;
      }
      const section = sections.get(parsed.data.section_id ?? '');
      const tags = [
        categories.get(section?.category_id ?? ''),
        section?.name,
        ...parsed.data.label_names,
      ];
      report.documents.push(
        toDocument(parsed.data, file, line, tags, emails.get(parsed.data.author_id ?? '')),
      );
    });
  }
  return report;
}

function parsePage(file: SourceFile, report: SourceReport<SourceDocument>) {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    report.problems.push({
      file: file.path,
      line: 1,
      message: `not JSON: ${(error as Error).message}`,
    });
    return [];
  }
  const page = pageSchema.safeParse(json);
  if (!page.success || (page.data.articles === undefined && page.data.article === undefined)) {
    report.problems.push({
      file: file.path,
      line: 1,
      message: 'not a Help Center articles response: expected "articles" or "article"',
    });
    return [];
  }
  return [{ file, page: page.data }];
}

function toDocument(
  article: ZendeskArticle,
  file: SourceFile,
  line: number,
  tags: (string | undefined)[],
  owner: string | undefined,
): SourceDocument {
  const base =
    article.html_url !== undefined ? absoluteUrl(article.html_url, undefined) : undefined;
  return {
    system: 'zendesk',
    sourceId: article.id,
    ...(base === undefined ? {} : { url: base }),
    ...(article.updated_at === undefined ? {} : { updatedAt: article.updated_at }),
    title: article.title,
    html: article.body ?? '',
    tags: tags.filter((t): t is string => t !== undefined),
    ...(owner === undefined || owner === null ? {} : { owner }),
    file: file.path,
    line,
    linkKeys: [`zendesk:${article.id}`],
    linkKey: (url) => {
      const match = ARTICLE_PATH.exec(url);
      return match === null ? undefined : `zendesk:${match[1]}`;
    },
    resolveUrl: (url) => absoluteUrl(url, base),
  };
}
