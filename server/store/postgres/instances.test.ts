import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, postgresTestBackend, tokenFor, type TempStore } from '../../test-fixtures';
import { createTestDatabase } from '../test-postgres';
import { openStore } from '../index';
import { migrations } from './migrations';
import type { Store } from '../types';

const backend = postgresTestBackend();
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'waymark.mjs');

/** PostgreSQL only: several server instances on one database, and its guarantees. */
describe.skipIf(backend === undefined)('PostgreSQL with several instances', () => {
  let env: TempStore;
  let other: Store;
  beforeEach(async () => {
    env = await backend!.open(undefined, { listen: true });
    other = await openStore(env.location, { listen: true, max: 2 });
  });
  afterEach(async () => {
    await other.close();
    await env.cleanup();
  });

  it('keeps every instance’s last sequence fresh through NOTIFY', async () => {
    await other.upsertItem(article('elsewhere'), 'ops');
    await expect.poll(() => env.store.lastSeq()).toBe(1);
  });

  it('stops a token revoked on one instance on every other, without a restart', async () => {
    const token = await tokenFor(env.store, 'leaver@example.com', 'learner');
    expect(await other.userForToken(token)).toMatchObject({ email: 'leaver@example.com' });
    expect(await other.userForToken(token)).toMatchObject({ email: 'leaver@example.com' });
    await env.store.revokeUser('leaver@example.com');
    expect(await env.store.userForToken(token)).toBeUndefined();
    await expect.poll(() => other.userForToken(token)).toBeUndefined();
  });

  it('re-reads what it missed after its LISTEN connection is cut', async () => {
    const token = await tokenFor(env.store, 'leaver@example.com', 'learner');
    expect(await other.userForToken(token)).toBeDefined();
    const admin = postgres(env.location, { max: 1, onnotice: () => undefined });
    try {
      await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'waymark-listen' AND datname = current_database()`;
      // Changes while (some) listeners are reconnecting: the notifications may be lost.
      await env.store.upsertItem(article('during-outage'), 'ops');
      await env.store.revokeUser('leaver@example.com');
      await expect.poll(() => other.lastSeq()).toBe(1);
      await expect.poll(() => other.userForToken(token)).toBeUndefined();
      // And it is listening again: a later change arrives by NOTIFY.
      await expect
        .poll(async () => {
          const [row] = await admin<{ n: number }[]>`SELECT count(*)::int AS n
            FROM pg_stat_activity WHERE application_name = 'waymark-listen'
            AND datname = current_database()`;
          return row?.n;
        })
        .toBe(2);
      await env.store.upsertItem(article('after-outage'), 'ops');
      await expect.poll(() => other.lastSeq()).toBe(2);
    } finally {
      await admin.end();
    }
  });
});

describe.skipIf(backend === undefined)('PostgreSQL schema', () => {
  it('is migrated exactly once when two processes migrate at once', async () => {
    const url = (await import('vitest')).inject('postgresUrl')!;
    const database = await createTestDatabase(url, { migrated: false });
    try {
      const both = await Promise.all(
        [0, 1].map(() => run(process.execPath, [BIN, 'db', 'migrate', '--db', database.url])),
      );
      const applied = both.map((r) => /\((\d+) migration/.exec(r.stderr)?.[1]).sort();
      const all = String(migrations.length);
      expect(applied).toEqual(['0', all]);
      const status = await run(process.execPath, [BIN, 'db', 'status', '--db', database.url]);
      expect(status.stdout).toContain(`schema version ${all} of ${all} (up to date)`);
    } finally {
      await database.drop();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of history, and the server role may not try', async () => {
    const env = await backend!.open();
    const sql = postgres(env.location, { max: 1, onnotice: () => undefined });
    try {
      await env.store.upsertItem(article('kept'), 'ops');
      await env.store.appendAudit({ actor: 'a@example.com', action: 'edit', item: 'kept' });
      for (const statement of [
        "UPDATE audit_log SET actor = 'someone-else'",
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        "UPDATE item_versions SET body = '{}'",
        'DELETE FROM item_versions',
        'TRUNCATE item_versions',
      ])
        await expect(sql.unsafe(statement), statement).rejects.toThrow(/append-only/);
      const asServer = (statement: string) =>
        sql.begin(async (tx) => {
          await tx`SET LOCAL ROLE waymark_app`;
          return tx.unsafe(statement);
        });
      for (const statement of ['DELETE FROM audit_log', 'UPDATE item_versions SET version = 9'])
        await expect(asServer(statement), statement).rejects.toThrow(/permission denied/);
      await expect(asServer('SELECT count(*) FROM audit_log')).resolves.toHaveLength(1);
      await expect(
        asServer("INSERT INTO audit_log (at, actor, action) VALUES ('t', 'a', 'edit')"),
      ).resolves.toBeDefined();
    } finally {
      await sql.end();
      await env.cleanup();
    }
  });
});
