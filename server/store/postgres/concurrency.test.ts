import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { article, postgresTestBackend, tokenFor, type TempStore } from '../../test-fixtures';
import { openStore } from '../index';
import type { Store } from '../types';

const backend = postgresTestBackend();
const admin = { role: 'admin' as const, team: undefined };

/** Reads the feed to its end from `cursor` into `seen` (id → version); returns the new cursor. */
async function catchUp(store: Store, seen: Map<string, number>, cursorSeq: number) {
  for (;;) {
    const { page } = await store.feedPage(admin, cursorSeq, 50);
    for (const item of page.items as { id: string; version: number }[])
      seen.set(item.id, item.version);
    cursorSeq = Number(page.cursor.split('.')[1]);
    if (!page.more) return cursorSeq;
  }
}

/** PostgreSQL only: what several connections writing at once must never break. */
describe.skipIf(backend === undefined)('PostgreSQL under concurrency', () => {
  let env: TempStore;
  beforeEach(async () => (env = await backend!.open()));
  afterEach(() => env.cleanup());

  it('lets a reader polling seq > cursor miss nothing while 50 writers commit at once', async () => {
    const writers = await openStore(env.location, { max: 50 });
    const seen = new Map<string, number>();
    let cursor = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) cursor = await catchUp(env.store, seen, cursor);
    })();
    await Promise.all(
      Array.from({ length: 50 }, async (_, w) => {
        for (let version = 1; version <= 6; version++)
          for (const n of [0, 1])
            await writers.upsertItem(article(`w${w}-item${n}`, { version }), `w${w}`);
      }),
    );
    writing = false;
    await reader;
    await catchUp(env.store, seen, cursor);
    await writers.close();
    const truth = new Map((await env.store.listItems()).map((i) => [i.id, i.version]));
    expect(truth.size).toBe(100);
    const missed = [...truth].filter(([id, version]) => seen.get(id) !== version);
    expect(missed).toEqual([]);
  });

  it('gives exactly one of many concurrent edits based on the same version a success', async () => {
    const app = createApp(env.store, { log: () => undefined });
    const token = await tokenFor(env.store, 'author@example.com', 'author');
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const draft = { ...article('doc'), status: undefined, version: undefined };
    expect(
      (
        await app.request('/v1/items', {
          method: 'POST',
          headers: auth,
          body: JSON.stringify(draft),
        })
      ).status,
    ).toBe(201);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        Promise.resolve(
          app.request('/v1/items/doc', {
            method: 'PUT',
            headers: { ...auth, 'If-Match': '"1"' },
            body: JSON.stringify({ ...draft, body: `Edit number ${i}.` }),
          }),
        ).then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await env.store.getItem('doc'))?.version).toBe(2);
  });

  it('creates an item once when many authors create the same id at once', async () => {
    const app = createApp(env.store, { log: () => undefined });
    const token = await tokenFor(env.store, 'author@example.com', 'author');
    const body = JSON.stringify({ ...article('same'), status: undefined, version: undefined });
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        Promise.resolve(
          app.request('/v1/items', {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body,
          }),
        ).then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(await env.store.itemVersions('same')).toHaveLength(1);
  });

  it('answers 503 with Retry-After when a write waits longer than lock_timeout', async () => {
    const app = createApp(env.store, { log: () => undefined });
    const token = await tokenFor(env.store, 'author@example.com', 'author');
    const holder = postgres(env.location, { max: 1, onnotice: () => undefined });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = holder.begin(async (tx) => {
      await tx`UPDATE seq SET value = value WHERE id = 1`;
      locked();
      await released;
    });
    await isLocked;
    const res = await app.request('/v1/items', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...article('waits'), status: undefined, version: undefined }),
    });
    release();
    await holding;
    await holder.end();
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(await res.json()).toMatchObject({ error: 'unavailable' });
    expect(await env.store.getItem('waits')).toBeUndefined();
  });
});
