import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@/server/store';
import { waymark } from '../test-support';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-users-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const db = join(scratch, 'nested', 'waymark.db');

async function whoHas(token: string) {
  const store = await openStore(db);
  try {
    return await store.userForToken(token);
  } finally {
    await store.close();
  }
}

describe('waymark users', () => {
  it('prints only the new token on stdout when a user is added', async () => {
    const { code, stdout, stderr } = await waymark(
      'users',
      'add',
      'Ana@Example.com',
      '--role',
      'learner',
      '--team',
      'emea',
      '--db',
      db,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wmk_[A-Za-z0-9_-]{43}\n$/);
    expect(stderr).toContain('shown only once');
    expect(await whoHas(stdout.trim())).toEqual({
      email: 'ana@example.com',
      role: 'learner',
      team: 'emea',
    });
  });

  it('exits 1 when the email already exists, and issues a working new token with --rotate', async () => {
    const again = await waymark('users', 'add', 'ana@example.com', '--role', 'admin', '--db', db);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/already exists/);
    const rotated = await waymark('users', 'add', 'ana@example.com', '--rotate', '--db', db);
    expect(rotated.code).toBe(0);
    expect(await whoHas(rotated.stdout.trim())).toMatchObject({ role: 'learner', team: 'emea' });
  });

  it('lists users without tokens and shows a revoked one as revoked', async () => {
    const added = await waymark('users', 'add', 'bo@example.com', '--role', 'author', '--db', db);
    expect((await waymark('users', 'revoke', 'bo@example.com', '--db', db)).code).toBe(0);
    expect(await whoHas(added.stdout.trim())).toBeUndefined();
    const { code, stdout } = await waymark('users', 'list', '--db', db);
    expect(code).toBe(0);
    expect(stdout).not.toContain('wmk_');
    expect(stdout).toMatch(/^ana@example\.com\tlearner\temea\tactive$/m);
    expect(stdout).toMatch(/^bo@example\.com\tauthor\t-\trevoked /m);
  });

  it('exits 1 when revoking an unknown user', async () => {
    const { code, stderr } = await waymark('users', 'revoke', 'nobody@example.com', '--db', db);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no active user/);
  });

  it.each([
    [['users', 'add', 'x@example.com', '--db', db], /needs --role/],
    [['users', 'add', 'x@example.com', '--role', 'boss', '--db', db], /--role must be one of/],
    [['users', 'add', 'not-an-email', '--role', 'admin', '--db', db], /not an email/],
    [['users', 'frobnicate'], /unknown users subcommand/],
  ])('exits 2 with usage when called as %j', async (args, message) => {
    const { code, stderr } = await waymark(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
