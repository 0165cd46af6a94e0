import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticTransport } from '@/lib/sync/static-transport';
import { createServerTransport } from '@/lib/sync/transport';
import type { FeedTransport } from '@/lib/sync/types';
import { startServer } from './main';
import {
  exportStaticFeedToS3,
  HEAD_CACHE_CONTROL,
  PAGE_CACHE_CONTROL,
  type S3Target,
} from './static-s3';
import { openStore } from './store';
import { appDef, article, tempStore, tokenFor, type TempStore } from './test-fixtures';

/** s3rver (a local S3) ships no types: the part this test uses. */
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: { Records: S3Record[] }) => void): void;
}
interface S3Record {
  eventName: string;
  s3: { object: { key: string } };
}
const S3rverClass = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rver;

const BUCKET = 'feeds';
const audience = { role: 'learner' as const, team: 'emea' };
let dir: string;
let s3: S3rver;
let endpoint: string;
let env: TempStore;
const puts: string[] = [];
/** The page keys the first export put. */
const firstPages = new Set<string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-s3-'));
  s3 = new S3rverClass({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const address = await s3.run();
  endpoint = `http://127.0.0.1:${address.port}`;
  s3.on('event', (event) => {
    for (const record of event.Records)
      if (record.eventName.startsWith('ObjectCreated')) puts.push(record.s3.object.key);
  });
  env = await tempStore();
  await env.store.upsertApp(appDef('desk'));
  for (const id of ['one', 'two', 'three']) await env.store.upsertItem(article(id), 'ops');
  await env.store.upsertItem(article('for-emea', { teams: ['emea'] }), 'ops');
  await env.store.upsertItem(article('for-apac', { teams: ['apac'] }), 'ops');
});
afterAll(async () => {
  await s3.close();
  await env.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const target = (): S3Target => ({
  bucket: BUCKET,
  prefix: 'org/learner-emea',
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});
const publicUrl = (key: string) => `${endpoint}/${BUCKET}/org/learner-emea/${key}`;

/** Syncs through a transport from `cursor` to the end, like the extension's engine. */
async function sync(transport: FeedTransport, held = new Map<string, unknown>(), cursor?: string) {
  for (;;) {
    const outcome = await transport.fetchPage(cursor);
    if (outcome.kind === 'not-modified') return { held, cursor };
    if (outcome.kind !== 'page') throw new Error(`sync stopped: ${JSON.stringify(outcome)}`);
    for (const item of outcome.page.items as { id: string }[]) held.set(item.id, item);
    for (const gone of outcome.page.deleted) held.delete(gone.id);
    cursor = outcome.page.cursor;
    if (!outcome.page.more) return { held, cursor };
  }
}

describe('waymark feed export to S3', () => {
  it('puts every page before head.json, with year-long immutable caching on pages only', async () => {
    puts.length = 0;
    const { head, put } = await exportStaticFeedToS3(env.store, target(), audience, 2);
    expect(put.at(-1)).toBe('org/learner-emea/head.json');
    for (const key of put.slice(0, -1)) firstPages.add(key);
    await expect.poll(() => puts.length).toBe(put.length);
    expect(puts.at(-1)).toBe('org/learner-emea/head.json');
    expect(puts.slice(0, -1).every((key) => key.startsWith('org/learner-emea/pages/'))).toBe(true);
    const page = await fetch(publicUrl(head.pages[0]!.file));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL);
    expect(page.headers.get('content-type')).toBe('application/json');
    const headRes = await fetch(publicUrl('head.json'));
    expect(headRes.headers.get('cache-control')).toBe(HEAD_CACHE_CONTROL);
    const etag = page.headers.get('etag')!;
    const again = await fetch(publicUrl(head.pages[0]!.file), {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('syncs the extension from the bucket to exactly what a live sync gives the same audience', async () => {
    const token = await tokenFor(env.store, 'lee@example.com', 'learner', 'emea');
    // The server closes its store when it stops: it gets its own connection to the file.
    const served = await openStore(env.location);
    const server = await startServer(served, { host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const live = await sync(createServerTransport({ baseUrl: server.url, token, fetch }));
      const bucket = await sync(createStaticTransport({ baseUrl: publicUrl(''), fetch }));
      expect([...bucket.held.keys()].sort()).toEqual(['for-emea', 'one', 'three', 'two']);
      expect(bucket.held).toEqual(live.held);
    } finally {
      await server.close();
    }
  });

  it('puts only the new pages after an edit, and a client holding the old head carries on', async () => {
    const before = await sync(createStaticTransport({ baseUrl: publicUrl(''), fetch }));
    await env.store.upsertItem(article('two', { status: 'archived', version: 2 }), 'ops');
    await env.store.upsertItem(article('four'), 'ops');
    puts.length = 0;
    const { put, skipped } = await exportStaticFeedToS3(env.store, target(), audience, 2);
    expect(skipped).toBeGreaterThan(0);
    await expect.poll(() => puts.length).toBe(put.length);
    // Only pages that were not there: the unchanged full-chain prefix is skipped.
    expect(puts.filter((key) => firstPages.has(key))).toEqual([]);
    expect(puts.at(-1)).toBe('org/learner-emea/head.json');
    // A page already in the bucket is never put again (same name, same bytes).
    const listed = (await exportStaticFeedToS3(env.store, target(), audience, 2)).put;
    expect(listed).toEqual(['org/learner-emea/head.json']);
    const after = await sync(
      createStaticTransport({ baseUrl: publicUrl(''), fetch }),
      before.held,
      before.cursor,
    );
    expect([...after.held.keys()].sort()).toEqual(['for-emea', 'four', 'one', 'three']);
  });
});
