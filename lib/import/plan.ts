import { articleSchema, type Article, type Item, type Provenance } from '@/lib/content-model';
import { isSafeLink } from '@/lib/markdown/link-safety';
import { importedTags, importedTitle, inferTemplate } from './article-fields';
import { htmlToMarkdown } from './html-to-markdown';
import { importedId } from './ids';
import type { ImportNotice, SourceDocument } from './source-document';

export interface PlanOptions {
  /** `draft` (the default: imported knowledge is reviewed first) or `published`. */
  status: 'draft' | 'published';
  /** The owner of items whose source names none. */
  owner: string;
  now: Date;
  /** Items already where the import goes (a content folder or a server), matched by provenance. */
  existing: readonly Item[];
}

export type PlannedState = 'new' | 'updated' | 'unchanged';

export interface PlannedItem {
  item: Article;
  state: PlannedState;
  document: SourceDocument;
  /** The item was published and its source changed: it goes back to review. */
  republish: boolean;
}

export interface ImportPlan {
  items: PlannedItem[];
  /** Documents that could not become items (each named with file and line). */
  problems: ImportNotice[];
  /** Things converted with a loss worth knowing: unknown macros, unresolved images… */
  notices: ImportNotice[];
}

/** The Markdown link to another imported item, relative to an article file. */
export const itemHref = (id: string): string => `../articles/${id}.md`;

const provenanceKey = (system: string, id: string): string => `${system}\u0000${id}`;
const VERIFY_DAYS = 90;

/** Gives each document its item id: the existing item's (found by provenance), else a new one. */
function assignIds(
  docs: readonly SourceDocument[],
  existing: readonly Item[],
): Map<SourceDocument, string> {
  const byProvenance = new Map<string, Item>();
  const taken = new Map<string, Item>();
  for (const item of existing) {
    taken.set(item.id, item);
    if (item.source !== undefined)
      byProvenance.set(provenanceKey(item.source.system, item.source.id), item);
  }
  const ids = new Map<SourceDocument, string>();
  const used = new Set<string>();
  for (const doc of docs) {
    const match = byProvenance.get(provenanceKey(doc.system, doc.sourceId));
    let id = match?.id ?? importedId(doc.system, doc.sourceId, doc.title);
    const base = id;
    // Another item holds this id (written by hand, or from another source): never overwrite it.
    for (let n = 2; used.has(id) || (match === undefined && foreign(taken.get(id), doc)); n++)
      id = `${base.slice(0, 76)}-${n}`;
    used.add(id);
    ids.set(doc, id);
  }
  return ids;
}

/** True when `item` exists and is not this document's earlier import. */
function foreign(item: Item | undefined, doc: SourceDocument): boolean {
  if (item === undefined) return false;
  return (
    item.source === undefined ||
    item.source.system !== doc.system ||
    item.source.id !== doc.sourceId
  );
}

/**
 * Turns source documents into Waymark articles. Ids and links are settled for all documents
 * first, so a link from one imported article to another becomes a link to its item. An existing
 * item keeps what Waymark owns (owner, targeting, template, version) and takes title, body, tags
 * and provenance from the source; one whose source has not changed since the last import is left
 * exactly as it is, edits made in Waymark included.
 */
export function planImport(docs: readonly SourceDocument[], options: PlanOptions): ImportPlan {
  const plan: ImportPlan = { items: [], problems: [], notices: [] };
  const unique = withoutDuplicates(docs, plan.problems);
  const ids = assignIds(unique, options.existing);
  const byKey = new Map<string, string>();
  for (const doc of unique) for (const key of doc.linkKeys) byKey.set(key, ids.get(doc) ?? '');
  const hrefs = new Set([...ids.values()].map(itemHref));
  const existingById = new Map(options.existing.map((item) => [item.id, item]));
  for (const doc of unique) {
    const id = ids.get(doc) ?? '';
    const previous = existingById.get(id);
    if (previous !== undefined && previous.type !== 'article') {
      plan.problems.push(at(doc, `"${id}" exists as a ${previous.type}; left as it is`));
      continue;
    }
    const planned = planOne(doc, id, previous, { byKey, hrefs }, options, plan.notices);
    if ('problem' in planned) plan.problems.push(at(doc, planned.problem));
    else plan.items.push(planned);
  }
  return plan;
}

function withoutDuplicates(
  docs: readonly SourceDocument[],
  problems: ImportNotice[],
): SourceDocument[] {
  const seen = new Map<string, SourceDocument>();
  for (const doc of docs) {
    const key = provenanceKey(doc.system, doc.sourceId);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, doc);
    else
      problems.push(
        at(
          doc,
          `${doc.system} id "${doc.sourceId}" appears twice (also ${first.file}:${first.line}); the first was imported`,
        ),
      );
  }
  return [...seen.values()];
}

const at = (doc: SourceDocument, message: string): ImportNotice => ({
  file: doc.file,
  line: doc.line,
  message,
});

function planOne(
  doc: SourceDocument,
  id: string,
  previous: Article | undefined,
  links: Links,
  options: PlanOptions,
  notices: ImportNotice[],
): PlannedItem | { problem: string } {
  const republish = previous?.status === 'published' && options.status !== 'published';
  if (previous?.source?.updated_at !== undefined && previous.source.updated_at === doc.updatedAt)
    return { item: previous, state: 'unchanged', document: doc, republish: false };
  const converted = convertBody(doc, links, notices);
  const candidate = articleFields(doc, id, previous, converted, options);
  const result = articleSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      problem: `cannot import "${doc.title}": ${issue?.path.join('.') ?? 'item'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const item = result.data;
  if (previous !== undefined && sameContent(previous, item))
    return { item: previous, state: 'unchanged', document: doc, republish: false };
  return { item, state: previous === undefined ? 'new' : 'updated', document: doc, republish };
}

/** Source keys → item ids, and the hrefs of every imported item (a source transform made them). */
interface Links {
  byKey: ReadonlyMap<string, string>;
  hrefs: ReadonlySet<string>;
}

function convertBody(doc: SourceDocument, links: Links, notices: ImportNotice[]) {
  const itemLink = (key: string) => {
    const target = links.byKey.get(key);
    return target === undefined ? undefined : itemHref(target);
  };
  return htmlToMarkdown(doc.html, {
    document: doc.document === true,
    prepare: (tree) =>
      doc.prepare?.(tree, {
        itemHref: itemLink,
        notice: (line, message) =>
          notices.push({ file: doc.file, line: doc.line + (line ?? 1) - 1, message }),
      }),
    rewriteUrl: (url, kind) => {
      if (links.hrefs.has(url) || url.startsWith('#'))
        return links.hrefs.has(url) ? url : undefined;
      const key = kind === 'link' ? doc.linkKey(url) : undefined;
      const internal = key === undefined ? undefined : itemLink(key);
      if (internal !== undefined) return internal;
      const resolved = doc.resolveUrl(url, kind);
      if (resolved === undefined && kind === 'image')
        notices.push({
          file: doc.file,
          line: doc.line,
          message: `image "${url}": not an http(s) URL (pass --base-url to resolve it): kept as its alt text`,
        });
      return resolved === undefined || !isSafeLink(resolved) ? undefined : resolved;
    },
  });
}

function articleFields(
  doc: SourceDocument,
  id: string,
  previous: Article | undefined,
  converted: { markdown: string; firstParagraph: string },
  options: PlanOptions,
): Record<string, unknown> {
  const tags = importedTags(doc.tags);
  const source: Provenance = {
    system: doc.system,
    id: doc.sourceId,
    ...(doc.url === undefined ? {} : { url: doc.url }),
    ...(doc.updatedAt === undefined ? {} : { updated_at: doc.updatedAt }),
  };
  const title = importedTitle(doc.title, doc.sourceId);
  return {
    type: 'article',
    id,
    template: previous?.template ?? inferTemplate(title, tags),
    title,
    summary: previous?.summary || converted.firstParagraph,
    body: converted.markdown,
    targeting: previous?.targeting,
    tags,
    owner: previous?.owner ?? doc.owner ?? options.owner,
    status: options.status,
    verify_by: verifyBy(previous, options),
    updated_at: doc.updatedAt ?? options.now.toISOString(),
    version: previous?.version ?? 1,
    source,
  };
}

/** Published items need a verify-by date: the one they had if still ahead, else 90 days on. */
function verifyBy(previous: Article | undefined, options: PlanOptions): string | undefined {
  const today = options.now.toISOString().slice(0, 10);
  if (previous?.verify_by !== undefined && previous.verify_by >= today) return previous.verify_by;
  if (options.status !== 'published') return previous?.verify_by;
  return new Date(options.now.getTime() + VERIFY_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/** Equal but for the time of the change (a re-import of the same source text is no change). */
function sameContent(a: Item, b: Item): boolean {
  const strip = ({ updated_at: _u, ...rest }: Item) => stableJson(rest);
  return strip(a) === strip(b);
}

/** JSON with object keys sorted at every level, so key order never counts as a change. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
