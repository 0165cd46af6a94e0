import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staticHeadSchema, type FeedPage, type StaticHead } from '@/lib/content-model';
import { decodeCursor } from './feed-cursor';
import type { Audience, Store } from './store';

/** Entries kept from earlier heads, so clients a few exports behind need not start over. */
const MAX_KEPT_PAGES = 2000;

export interface PageFile {
  after: string;
  /** `pages/<hash>.json`: named by its content, so it never changes. */
  file: string;
  text: string;
}

/** Every page from `after` to the end, each named by its content's hash. */
async function chain(
  store: Store,
  audience: Audience,
  after: string,
  pageSize: number,
): Promise<PageFile[]> {
  const pages: PageFile[] = [];
  let cursor = after;
  for (;;) {
    const afterSeq = await decodeCursor(store, cursor);
    const page = await store.feedPage(audience, afterSeq, pageSize);
    const text = page.json;
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 24);
    pages.push({ after: cursor, file: `pages/${hash}.json`, text });
    if (!page.more) return pages;
    cursor = page.cursor;
  }
}

/** Parses a previous head; anything unreadable counts as none (the export starts afresh). */
export function parseHead(text: string | undefined): StaticHead | undefined {
  if (text === undefined) return undefined;
  try {
    return staticHeadSchema.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * What an export writes for one audience: immutable page files plus the head. A client holding a
 * cursor fetches the page whose `after` equals it, then the next, until it holds `head.cursor`;
 * a cursor the head does not list means starting from '' again (lib/sync/static-transport.ts).
 *
 * The head lists the full chain from '' first, then a delta chain from the previous export's
 * final cursor (what up-to-date clients hold), then entries kept from earlier heads (their page
 * files stay): every page is a valid step from its `after`, so dropping old entries only makes
 * some clients start over, never skip a change. Writers put the pages first and the head last.
 */
export async function planStaticExport(
  store: Store,
  audience: Audience,
  pageSize: number,
  previous: StaticHead | undefined,
): Promise<{ pages: PageFile[]; head: StaticHead }> {
  const full = await chain(store, audience, '', pageSize);
  const last = JSON.parse(full[full.length - 1]?.text ?? '{}') as FeedPage;
  const sameFeed =
    previous !== undefined &&
    previous.cursor.startsWith(`${store.epoch}.`) &&
    previous.audience.role === audience.role &&
    previous.audience.team === (audience.team ?? null);
  const delta =
    sameFeed && previous.cursor !== last.cursor
      ? await chain(store, audience, previous.cursor, pageSize)
      : [];
  const kept = sameFeed
    ? previous.pages.filter((p) => p.after !== '').slice(0, MAX_KEPT_PAGES)
    : [];
  const listed = new Set<string>();
  const pages = [...full, ...delta];
  const entries = [...pages, ...kept]
    .map(({ after, file }) => ({ after, file }))
    .filter((p) => !listed.has(p.after) && listed.add(p.after));
  const head = staticHeadSchema.parse({
    format: 'waymark-static-feed',
    version: 1,
    audience: { role: audience.role, team: audience.team ?? null },
    cursor: last.cursor,
    pages: entries,
  } satisfies StaticHead);
  return { pages, head };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes the export into a folder. Pages are written first (each renamed into place), `head.json`
 * renamed into place last, so a reader never sees a head naming a missing page.
 */
export async function exportStaticFeed(
  store: Store,
  dir: string,
  audience: Audience,
  pageSize: number,
): Promise<StaticHead> {
  const previous = parseHead(await readIfExists(join(dir, 'head.json')));
  const { pages, head } = await planStaticExport(store, audience, pageSize, previous);
  const staging = join(dir, `.staging-${randomBytes(4).toString('hex')}`);
  await mkdir(join(staging, 'pages'), { recursive: true });
  await mkdir(join(dir, 'pages'), { recursive: true });
  for (const page of pages) {
    await writeFile(join(staging, page.file), page.text);
    await rename(join(staging, page.file), join(dir, page.file));
  }
  await writeFile(join(staging, 'head.json'), JSON.stringify(head, null, 1));
  await rename(join(staging, 'head.json'), join(dir, 'head.json'));
  await rm(staging, { recursive: true, force: true });
  return head;
}
