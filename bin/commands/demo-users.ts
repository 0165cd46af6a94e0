import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Role } from '@/lib/content-model';
import type { Store } from '@/server/store';

/** The people `npm start` creates, so one person can try every side: publish, review, learn. */
export const DEMO_USERS: readonly { email: string; role: Role; team: string | undefined }[] = [
  { email: 'admin@example.com', role: 'admin', team: undefined },
  { email: 'author@example.com', role: 'author', team: undefined },
  { email: 'reviewer@example.com', role: 'reviewer', team: undefined },
  { email: 'learner@example.com', role: 'learner', team: 'tier1' },
];

export interface DemoToken {
  email: string;
  role: Role;
  team: string | undefined;
  token: string;
  /** Issued on this start (false: the one from before still works and was kept). */
  issued: boolean;
}

function readSaved(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The demo users' tokens, the same on every start so a connected browser stays signed in: a
 * token saved beside the database (readable by its owner only) is kept while the server still
 * knows it for that user and role; otherwise, or when asked to `rotate`, a new one is issued.
 * The server itself still stores hashes only.
 */
export async function demoTokens(
  store: Store,
  file: string,
  rotate: boolean,
): Promise<DemoToken[]> {
  const saved = rotate ? {} : readSaved(file);
  const tokens: DemoToken[] = [];
  for (const user of DEMO_USERS) {
    const kept = saved[user.email];
    const owner = kept === undefined ? undefined : await store.userForToken(kept);
    if (kept !== undefined && owner?.email === user.email && owner.role === user.role)
      tokens.push({ ...user, token: kept, issued: false });
    else {
      const token = await store.addUser({ ...user, rotate: true, actor: 'waymark start' });
      tokens.push({ ...user, token, issued: true });
    }
  }
  writeFileSync(
    file,
    `${JSON.stringify(Object.fromEntries(tokens.map((t) => [t.email, t.token])), null, 2)}\n`,
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return tokens;
}
