import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@/lib/content-model';
import { AuditLog } from './audit-log';
import { systemClock, type Clock } from './clock';
import type { Db } from './db';

/** A signed-in caller, as the feed's visibility rules see them. */
export interface User {
  email: string;
  role: Role;
  /** undefined: the user belongs to no team (sees only items targeted at every team). */
  team: string | undefined;
}

export interface UserListing extends User {
  created_at: string;
  revoked_at: string | undefined;
}

export class UserExistsError extends Error {}

const TOKEN_PREFIX = 'wmk_';

/**
 * Tokens are opaque: a prefix (so secret scanners can recognise a leaked one) and 32 random bytes.
 * Only the SHA-256 is stored; a stolen database yields no usable token.
 */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface UserRow {
  email: string;
  role: Role;
  team: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toUser = (row: UserRow): UserListing => ({
  email: row.email,
  role: row.role,
  team: row.team ?? undefined,
  created_at: row.created_at,
  revoked_at: row.revoked_at ?? undefined,
});

/** The user a token belongs to, if it is known and not revoked. Read per request, never cached. */
export function userForToken(db: Db, token: string): User | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = db
    .prepare('SELECT * FROM users WHERE token_hash = ? AND revoked_at IS NULL')
    .get(hashToken(token)) as UserRow | undefined;
  if (row === undefined) return undefined;
  const { email, role, team } = toUser(row);
  return { email, role, team };
}

/**
 * Adds a user and returns their token, shown this once. An existing email is refused unless
 * `rotate`, which issues a new token (and un-revokes), keeping role and team unless given.
 */
export function addUser(
  db: Db,
  input: {
    email: string;
    role: Role | undefined;
    team: string | undefined;
    rotate: boolean;
    /** Who made the change, for the audit trail (the CLI runs with database access). */
    actor?: string;
    now?: Clock;
  },
): string {
  const token = newToken();
  const now = input.now ?? systemClock;
  const audit = new AuditLog(db, now);
  const actor = input.actor ?? 'cli';
  db.transaction(() => {
    const existing = db.prepare('SELECT * FROM users WHERE email = ?').get(input.email) as
      UserRow | undefined;
    if (existing !== undefined && !input.rotate)
      throw new UserExistsError(
        `user ${input.email} already exists (use --rotate for a new token)`,
      );
    if (existing === undefined) {
      if (input.role === undefined) throw new UserExistsError('a new user needs a --role');
      db.prepare(
        'INSERT INTO users (email, role, team, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(
        input.email,
        input.role,
        input.team ?? null,
        hashToken(token),
        now().toISOString(),
      );
      audit.append({
        actor,
        action: 'role_change',
        comment: `${input.email}: added as ${input.role}`,
      });
      return;
    }
    const role = input.role ?? existing.role;
    audit.append({
      actor,
      action: 'role_change',
      comment:
        role === existing.role
          ? `${input.email}: token rotated (role ${role})`
          : `${input.email}: ${existing.role} → ${role}, token rotated`,
    });
    db.prepare(
      'UPDATE users SET token_hash = ?, revoked_at = NULL, role = ?, team = ? WHERE email = ?',
    ).run(hashToken(token), role, input.team ?? existing.team, input.email);
  })();
  return token;
}

/** Revokes a user's token at once; false if the email is unknown or already revoked. */
export function revokeUser(
  db: Db,
  email: string,
  actor = 'cli',
  now: Clock = systemClock,
): boolean {
  return db.transaction(() => {
    const result = db
      .prepare('UPDATE users SET revoked_at = ? WHERE email = ? AND revoked_at IS NULL')
      .run(now().toISOString(), email);
    if (result.changes !== 1) return false;
    new AuditLog(db, now).append({ actor, action: 'role_change', comment: `${email}: token revoked` });
    return true;
  })();
}

export function listUsers(db: Db): UserListing[] {
  return (db.prepare('SELECT * FROM users ORDER BY email').all() as UserRow[]).map(toUser);
}
