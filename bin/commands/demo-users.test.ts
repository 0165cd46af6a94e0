import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@/server/store';
import { demoTokens } from './demo-users';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function withStore<T>(name: string, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(join(scratch, `${name}.db`));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

describe('demoTokens', () => {
  it('creates an admin, an author, a reviewer and a learner, each signed in by their token', async () => {
    await withStore('roles', async (store) => {
      const tokens = await demoTokens(store, join(scratch, 'roles.json'), false);
      const owners = [];
      for (const t of tokens) owners.push([t.role, (await store.userForToken(t.token))?.email]);
      expect(owners).toEqual([
        ['admin', 'admin@example.com'],
        ['author', 'author@example.com'],
        ['reviewer', 'reviewer@example.com'],
        ['learner', 'learner@example.com'],
      ]);
    });
  });

  it('keeps the same tokens on the next start, saved where only the owner can read them', async () => {
    const file = join(scratch, 'stable.json');
    const first = await withStore('stable', (store) => demoTokens(store, file, false));
    const again = await withStore('stable', (store) => demoTokens(store, file, false));
    expect(again.map((t) => t.token)).toEqual(first.map((t) => t.token));
    expect(again.every((t) => !t.issued)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('issues new tokens when asked to rotate, and replaces one the server no longer accepts', async () => {
    const file = join(scratch, 'rotate.json');
    const first = await withStore('rotate', (store) => demoTokens(store, file, false));
    const rotated = await withStore('rotate', (store) => demoTokens(store, file, true));
    expect(rotated.every((t, i) => t.issued && t.token !== first[i]!.token)).toBe(true);
    await withStore('rotate', (store) => store.revokeUser('learner@example.com'));
    const after = await withStore('rotate', (store) => demoTokens(store, file, false));
    expect(after.find((t) => t.role === 'learner')?.issued).toBe(true);
    expect(after.find((t) => t.role === 'admin')?.token).toBe(rotated[0]!.token);
    const learner = await withStore('rotate', (store) => store.userForToken(after[3]!.token));
    expect(learner?.email).toBe('learner@example.com');
  });
});
