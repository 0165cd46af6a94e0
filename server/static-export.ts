import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staticHeadSchema, type FeedPage, type StaticHead } from '@/lib/content-model';
import { buildFeedPage, decodeCursor, type Audience } from './feed-page';
import type { Store } from './store';

/** Entries kept from earlier heads, so clients a few exports behind need not start over. */
const MAX_KEPT_PAGES = 2000;

interface PageFile {
  after: string;
  file: string;
  text: string;
}

/** Every page from `after` to the end, each named by its content's hash. */
function chain(store: Store, audience: Audience, after: string, pageSize: number): PageFile[] {
  const pages: PageFile[] = [];
  let cursor = after;
  for (;;) {
    const page: FeedPage = buildFeedPage(store, audience, decodeCursor(store, cursor), pageSize);
    const text = JSON.stringify(page);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 24);
    pages.push({ after: cursor, file: `pages/${hash}.json`, text });
    if (!page.more) return pages;
    cursor = page.cursor;
  }
}

async function previousHead(dir: string): Promise<StaticHead | undefined> {
  try {
    return staticHeadSchema.parse(JSON.parse(await readFile(join(dir, 'head.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Writes the feed for one audience as immutable page files plus `head.json`. A client holding a
 * cursor fetches the page whose `after` equals it, then the next, until it holds `head.cursor`;
 * a cursor the head does not list means starting from '' again (lib/sync/static-transport.ts).
 *
 * The head lists the full chain from '' first, then a delta chain from the previous export's
 * final cursor (what up-to-date clients hold), then entries kept from earlier heads (their page
 * files stay): every page is a valid step from its `after`, so dropping old entries only makes
 * some clients start over, never skip a change. Pages are written first and `head.json` renamed
 * into place last, so a reader never sees a head naming a missing page.
 */
export async function exportStaticFeed(
  store: Store,
  dir: string,
  audience: Audience,
  pageSize: number,
): Promise<StaticHead> {
  const previous = await previousHead(dir);
  const full = chain(store, audience, '', pageSize);
  const last = JSON.parse(full[full.length - 1]?.text ?? '{}') as FeedPage;
  const sameFeed =
    previous !== undefined &&
    previous.cursor.startsWith(`${store.epoch}.`) &&
    previous.audience.role === audience.role &&
    previous.audience.team === (audience.team ?? null);
  const delta =
    sameFeed && previous.cursor !== last.cursor
      ? chain(store, audience, previous.cursor, pageSize)
      : [];
  const kept = sameFeed
    ? previous.pages.filter((p) => p.after !== '').slice(0, MAX_KEPT_PAGES)
    : [];

  const staging = join(dir, `.staging-${randomBytes(4).toString('hex')}`);
  await mkdir(join(staging, 'pages'), { recursive: true });
  await mkdir(join(dir, 'pages'), { recursive: true });
  for (const page of [...full, ...delta]) {
    await writeFile(join(staging, page.file), page.text);
    await rename(join(staging, page.file), join(dir, page.file));
  }
  const listed = new Set<string>();
  const pages = [...full, ...delta, ...kept]
    .map(({ after, file }) => ({ after, file }))
    .filter((p) => !listed.has(p.after) && listed.add(p.after));
  const head = staticHeadSchema.parse({
    format: 'waymark-static-feed',
    version: 1,
    audience: { role: audience.role, team: audience.team ?? null },
    cursor: last.cursor,
    pages,
  } satisfies StaticHead);
  await writeFile(join(staging, 'head.json'), JSON.stringify(head, null, 1));
  await rename(join(staging, 'head.json'), join(dir, 'head.json'));
  await rm(staging, { recursive: true, force: true });
  return head;
}
