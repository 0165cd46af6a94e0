import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  feedPageSchema,
  staticHeadSchema,
  type FeedPage,
  type StaticHead,
} from '@/lib/content-model';
import { openStore, type Store } from '@/server/store';
import { appDef, article } from '@/server/test-fixtures';
import { waymark } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-feed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const db = join(scratch, 'waymark.db');
const out = join(scratch, 'static');

async function withStore(change: (store: Store) => Promise<unknown>): Promise<void> {
  const store = await openStore(db);
  try {
    await change(store);
  } finally {
    await store.close();
  }
}

const readHead = () =>
  staticHeadSchema.parse(JSON.parse(readFileSync(join(out, 'head.json'), 'utf8')));
const readPage = (file: string): FeedPage =>
  feedPageSchema.parse(JSON.parse(readFileSync(join(out, file), 'utf8')));

/** Follows the head from `cursor` like the static transport does; returns the item ids seen. */
function follow(head: StaticHead, cursor: string): { ids: string[]; cursor: string } {
  const ids: string[] = [];
  for (;;) {
    const entry = head.pages.find((p) => p.after === cursor);
    if (entry === undefined) return { ids, cursor };
    const page = readPage(entry.file);
    ids.push(
      ...page.items.map((i) => (i as { id: string }).id),
      ...page.deleted.map((t) => `-${t.id}`),
    );
    cursor = page.cursor;
  }
}

beforeAll(() =>
  withStore(async (store) => {
    await store.upsertApp(appDef('desk'));
    for (const id of ['one', 'two', 'three', 'four']) await store.upsertItem(article(id), 'ops');
    await store.upsertItem(article('emea-news', { teams: ['emea'] }), 'ops');
    await store.upsertItem(article('a-draft', { status: 'draft' }), 'ops');
  }),
);

describe('waymark feed export', () => {
  it('writes immutable pages and a head whose pages chain to the final cursor', async () => {
    const { code, stderr } = await waymark(
      'feed',
      'export',
      out,
      '--audience',
      'learner:emea',
      '--page-size',
      '2',
      '--db',
      db,
    );
    expect(code, stderr).toBe(0);
    const head = readHead();
    expect(head.audience).toEqual({ role: 'learner', team: 'emea' });
    expect(head.pages[0]?.after).toBe('');
    expect(head.pages).toHaveLength(4);
    head.pages.forEach((entry, i) => {
      const page = readPage(entry.file);
      expect(page.more).toBe(i < head.pages.length - 1);
      expect(page.cursor).toBe(head.pages[i + 1]?.after ?? head.cursor);
    });
    expect(follow(head, '')).toEqual({
      ids: ['one', 'two', 'three', 'four', 'emea-news'],
      cursor: head.cursor,
    });
  });

  it('adds a delta chain from the previous final cursor when exported again after a change', async () => {
    const before = readHead();
    await withStore((store) =>
      store.upsertItem(article('two', { status: 'archived', version: 2 }), 'ops'),
    );
    expect(
      (
        await waymark(
          'feed',
          'export',
          out,
          '--audience',
          'learner:emea',
          '--page-size',
          '2',
          '--db',
          db,
        )
      ).code,
    ).toBe(0);
    const head = readHead();
    expect(head.cursor).not.toBe(before.cursor);
    expect(follow(head, before.cursor)).toEqual({ ids: ['-two'], cursor: head.cursor });
    expect(follow(head, '').ids).not.toContain('two');
    for (const entry of before.pages) expect(() => readPage(entry.file)).not.toThrow();
  });

  it.each([
    [['feed', 'export'], /exactly one folder/],
    [['feed', 'export', '--s3', 'http://bucket'], /--s3 must be s3:\/\/BUCKET/],
    [['feed', 'export', out, '--audience', 'boss'], /--audience must be role/],
    [['feed', 'export', out, '--page-size', '0'], /--page-size/],
    [['feed'], /needs a subcommand/],
  ])('exits 2 with usage when called as %j', async (args, message) => {
    const { code, stderr } = await waymark(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
