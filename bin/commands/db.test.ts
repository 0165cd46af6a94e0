import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Template } from '@/lib/content-model';
import { createServerTransport } from '@/lib/sync/transport';
import { startServer } from '@/server/main';
import { openStore, type DumpChunk, type Store } from '@/server/store';
import { createTestDatabase } from '@/server/store/test-postgres';
import { appDef, article, template, testBackends } from '@/server/test-fixtures';
import { waymark } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-db-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A target database of the backend's kind, empty and not yet migrated. */
async function emptyTarget(name: string, i: number) {
  if (name === 'sqlite') return { url: join(scratch, `target-${i}.db`), drop: async () => {} };
  const { inject } = await import('vitest');
  return createTestDatabase(inject('postgresUrl')!, { migrated: false });
}

/** Everything a database holds, table by table, as `db copy` moves it. */
async function contents(store: Store): Promise<Map<string, DumpChunk['rows']>> {
  const tables = new Map<string, DumpChunk['rows']>();
  for await (const chunk of store.dump())
    tables.set(chunk.table, [...(tables.get(chunk.table) ?? []), ...chunk.rows]);
  return tables;
}

/** A SQLite install in use: content, users, history, reports and templates. */
async function sqliteInstall(file: string) {
  const store = await openStore(file);
  await store.upsertApp(appDef('desk'));
  for (const id of ['one', 'two', 'three']) await store.upsertItem(article(id), 'ops');
  await store.upsertItem(article('two', { status: 'archived', version: 2 }), 'ops');
  await store.upsertItem(article('emea', { teams: ['emea'] }), 'ops');
  await store.putTemplate(template('screen-tip') as Template, 'admin@example.com');
  await store.addAnchorReports([{ id: 'one', app: 'desk', screen: 'home', count: 2 }]);
  const token = await store.addUser({
    email: 'lee@example.com',
    role: 'learner',
    team: 'emea',
    rotate: false,
  });
  return { store, token };
}

let run = 0;
describe.each(testBackends())('waymark db copy from SQLite to $name', ({ name }) => {
  it('moves every row, the epoch and the sequence, so a synced client carries on with a 304', async () => {
    const file = join(scratch, `source-${++run}.db`);
    const { store: source, token } = await sqliteInstall(file);
    const before = await startServer(source, { host: '127.0.0.1', port: 0, log: () => {} });
    const client = (url: string) => createServerTransport({ baseUrl: url, token, fetch });
    let cursor: string | undefined;
    let etag: string | undefined;
    for (let more = true; more;) {
      const outcome = await client(before.url).fetchPage(cursor, etag);
      if (outcome.kind !== 'page') throw new Error(`sync: ${outcome.kind}`);
      [cursor, etag, more] = [outcome.page.cursor, outcome.etag, outcome.page.more];
    }
    const sourceContents = await contents(source);
    await before.close();

    const target = await emptyTarget(name, run);
    try {
      const copied = await waymark('db', 'copy', '--from', `sqlite:${file}`, '--to', target.url);
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stderr).toMatch(/copied .*: .*\b4 items, 5 item_versions, .*clients sync on/s);
      const moved = await openStore(target.url);
      expect(await contents(moved)).toEqual(sourceContents);
      const after = await startServer(moved, { host: '127.0.0.1', port: 0, log: () => {} });
      try {
        // The same cursor and ETag: an idle sync is still one 304, not a 410 and a full resync.
        expect(await client(after.url).fetchPage(cursor, etag)).toEqual({ kind: 'not-modified' });
        await moved.upsertItem(article('new-after-move'), 'ops');
        const next = await client(after.url).fetchPage(cursor, etag);
        expect(next).toMatchObject({
          kind: 'page',
          page: { items: [{ id: 'new-after-move' }], deleted: [], more: false },
        });
        // History continues after the copied rows.
        await moved.appendAudit({ actor: 'ops', action: 'edit', item: 'one' });
        const ids = (await moved.queryAudit({ limit: 3 })).entries.map((e) => e.id);
        expect(ids[0]).toBeGreaterThan(ids[1]!);
      } finally {
        await after.close();
      }
      const again = await waymark('db', 'copy', '--from', `sqlite:${file}`, '--to', target.url);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/is not empty; copy into a new database/);
    } finally {
      await target.drop();
    }
  });
});

describe('waymark db', () => {
  it('reports a SQLite file behind, migrates it, then reports it up to date', async () => {
    const file = join(scratch, 'fresh.db');
    const behind = await waymark('db', 'status', '--db', file);
    expect(behind.code).toBe(1);
    expect(behind.stdout).toMatch(/schema version 0 of \d+ \(behind\)/);
    const migrated = await waymark('db', 'migrate', '--db', file);
    expect(migrated.stderr).toMatch(/schema at version (\d+) \(\1 migration\(s\) applied\)/);
    expect((await waymark('db', 'status', '--db', file)).stdout).toMatch(/\(up to date\)/);
  });

  it.each([
    [['db'], /needs a subcommand/],
    [['db', 'copy', '--from', 'a.db'], /needs --from DATABASE and --to DATABASE/],
    [['db', 'copy', '--from', 'a.db', '--to', 'a.db'], /are the same/],
  ])('exits 2 with usage when called as %j', async (args, message) => {
    const { code, stderr } = await waymark(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
