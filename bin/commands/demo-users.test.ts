import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '@/server/store';
import { revokeUser, userForToken } from '@/server/users';
import { demoTokens } from './demo-users';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function withStore<T>(name: string, run: (store: Store) => T): T {
  const store = Store.open(join(scratch, `${name}.db`));
  try {
    return run(store);
  } finally {
    store.close();
  }
}

describe('demoTokens', () => {
  it('creates an admin, an author, a reviewer and a learner, each signed in by their token', () => {
    withStore('roles', (store) => {
      const tokens = demoTokens(store.db, join(scratch, 'roles.json'), false);
      expect(tokens.map((t) => [t.role, userForToken(store.db, t.token)?.email])).toEqual([
        ['admin', 'admin@example.com'],
        ['author', 'author@example.com'],
        ['reviewer', 'reviewer@example.com'],
        ['learner', 'learner@example.com'],
      ]);
    });
  });

  it('keeps the same tokens on the next start, saved where only the owner can read them', () => {
    const file = join(scratch, 'stable.json');
    const first = withStore('stable', (store) => demoTokens(store.db, file, false));
    const again = withStore('stable', (store) => demoTokens(store.db, file, false));
    expect(again.map((t) => t.token)).toEqual(first.map((t) => t.token));
    expect(again.every((t) => !t.issued)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('issues new tokens when asked to rotate, and replaces one the server no longer accepts', () => {
    const file = join(scratch, 'rotate.json');
    const first = withStore('rotate', (store) => demoTokens(store.db, file, false));
    const rotated = withStore('rotate', (store) => demoTokens(store.db, file, true));
    expect(rotated.every((t, i) => t.issued && t.token !== first[i]!.token)).toBe(true);
    withStore('rotate', (store) => revokeUser(store.db, 'learner@example.com'));
    const after = withStore('rotate', (store) => demoTokens(store.db, file, false));
    expect(after.find((t) => t.role === 'learner')?.issued).toBe(true);
    expect(after.find((t) => t.role === 'admin')?.token).toBe(rotated[0]!.token);
    withStore('rotate', (store) =>
      expect(userForToken(store.db, after[3]!.token)?.email).toBe('learner@example.com'),
    );
  });
});
