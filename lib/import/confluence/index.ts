import { absoluteUrl } from '../article-fields';
import type { SourceDocument } from '../source-document';
import type { SourceFile } from '../source-file';
import type { SourceReport } from '../zendesk';
import { entityDate, readEntities, type EntityObject } from './entities';
import { storageToHtml } from './storage-source';
import { titleKey, transformStorage } from './storage-format';

export interface ConfluenceOptions {
  /** The site the export came from, e.g. `https://acme.atlassian.net/wiki` (the export does not say). */
  baseUrl?: string | undefined;
}

/** Storage format (`bodyType` 2); 0 is the old wiki markup, 1 plain text. */
const STORAGE_BODY = '2';

interface Index {
  spaces: Map<string, EntityObject>;
  emails: Map<string, string>;
  names: Map<string, string>;
  labels: Map<string, string[]>;
  bodies: Map<string, { html: string; line: number }>;
  pageIds: Map<string, string>;
}

function index(byClass: Map<string, EntityObject[]>, pages: EntityObject[]): Index {
  const of = (name: string) => byClass.get(name) ?? [];
  const labelNames = new Map(of('Label').map((l) => [l.id, l.values.get('name') ?? ''] as const));
  const labels = new Map<string, string[]>();
  for (const labelling of of('Labelling')) {
    const page = labelling.refs.get('content');
    const name = labelNames.get(labelling.refs.get('label') ?? '');
    if (page !== undefined && name !== undefined)
      labels.set(page, [...(labels.get(page) ?? []), name]);
  }
  const bodies = new Map<string, { html: string; line: number }>();
  for (const body of of('BodyContent')) {
    const page = body.refs.get('content');
    if (page === undefined || (body.values.get('bodyType') ?? STORAGE_BODY) !== STORAGE_BODY)
      continue;
    bodies.set(page, {
      html: body.values.get('body') ?? '',
      line: body.lines.get('body') ?? body.line,
    });
  }
  const spaces = new Map(of('Space').map((s) => [s.id, s] as const));
  const pageIds = new Map(
    pages.map(
      (p) =>
        [
          `${spaces.get(p.refs.get('space') ?? '')?.values.get('key') ?? ''}\u0000${(p.values.get('title') ?? '').toLowerCase()}`,
          p.id,
        ] as const,
    ),
  );
  const emails = new Map(
    of('ConfluenceUserImpl').flatMap((u) =>
      u.values.has('email') ? [[u.id, u.values.get('email') ?? ''] as const] : [],
    ),
  );
  const names = new Map(
    of('ConfluenceUserImpl').map((u) => [u.id, u.values.get('name') ?? ''] as const),
  );
  return { spaces, emails, names, labels, bodies, pageIds };
}

/**
 * The current pages of a Confluence space export (`entities.xml`): each page's latest storage-format
 * body, its labels (and the space's name) as tags, its creator as owner. Historical versions,
 * drafts and trashed pages are left out.
 */
export function readConfluence(
  file: SourceFile,
  options: ConfluenceOptions = {},
): SourceReport<SourceDocument> {
  const report: SourceReport<SourceDocument> = { documents: [], problems: [] };
  let byClass: Map<string, EntityObject[]>;
  try {
    byClass = readEntities(file.text);
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    report.problems.push({
      file: file.path,
      line,
      message: `not a Confluence entities.xml: ${(error as Error).message}`,
    });
    return report;
  }
  const pages = (byClass.get('Page') ?? []).filter(
    (p) =>
      !p.refs.has('originalVersion') && (p.values.get('contentStatus') ?? 'current') === 'current',
  );
  if (pages.length === 0)
    report.problems.push({
      file: file.path,
      line: 1,
      message: 'no current pages (<object class="Page">) in this export',
    });
  const idx = index(byClass, pages);
  const baseUrl = options.baseUrl?.replace(/\/+$/, '');
  for (const page of pages) report.documents.push(toDocument(page, idx, file, baseUrl));
  return report;
}

function toDocument(
  page: EntityObject,
  idx: Index,
  file: SourceFile,
  baseUrl: string | undefined,
): SourceDocument {
  const space = idx.spaces.get(page.refs.get('space') ?? '');
  const spaceKey = space?.values.get('key') ?? '';
  const title = page.values.get('title') ?? '';
  const body = idx.bodies.get(page.id);
  const owner = idx.emails.get(page.refs.get('creator') ?? '');
  const updatedAt = entityDate(page.values.get('lastModificationDate'));
  return {
    system: 'confluence',
    sourceId: page.id,
    ...(baseUrl === undefined ? {} : { url: `${baseUrl}/spaces/${spaceKey}/pages/${page.id}` }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
    title,
    html: storageToHtml(body?.html ?? ''),
    tags: [space?.values.get('name') ?? '', ...(idx.labels.get(page.id) ?? [])],
    ...(owner === undefined || owner === '' ? {} : { owner }),
    file: file.path,
    line: body?.line ?? page.line,
    linkKeys: [`confluence:${page.id}`, titleKey(spaceKey, title)],
    linkKey: (url) => confluenceLinkKey(url),
    resolveUrl: (url) => absoluteUrl(url, baseUrl === undefined ? undefined : `${baseUrl}/`),
    prepare: (tree, context) =>
      transformStorage(tree, {
        ...context,
        pageId: page.id,
        spaceKey,
        baseUrl,
        pageIdByTitle: (key, t) => idx.pageIds.get(`${key}\u0000${t.toLowerCase()}`),
        userName: (key) => idx.names.get(key),
      }),
  };
}

/** A page named by a Confluence URL: `/pages/123…`, `?pageId=123`, or `/display/KEY/Page+Title`. */
function confluenceLinkKey(url: string): string | undefined {
  const byId = /\/pages\/(\d+)|[?&]pageId=(\d+)/.exec(url);
  if (byId !== null) return `confluence:${byId[1] ?? byId[2]}`;
  const byTitle = /\/display\/([^/?#]+)\/([^?#]+)/.exec(url);
  if (byTitle === null) return undefined;
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return titleKey(decode(byTitle[1] ?? ''), decode(byTitle[2] ?? ''));
  } catch {
    return undefined;
  }
}
