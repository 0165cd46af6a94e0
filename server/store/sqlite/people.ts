import { auditPage, type AuditRow } from '../audit-rows';
import { toListing, type UserRow } from '../rows';
import { newToken, planUserChange, tokenHash } from '../plans';
import type { AuditFilter, AuditInput, AuditPage, User, UserInput, UserListing } from '../types';
import type { Db } from './database';

/** Read on every request, never cached: another process (the CLI) may revoke at any time. */
export function userForToken(db: Db, token: string): User | undefined {
  const hash = tokenHash(token);
  if (hash === undefined) return undefined;
  const row = db
    .prepare('SELECT * FROM users WHERE token_hash = ? AND revoked_at IS NULL AND active = 1')
    .get(hash) as UserRow | undefined;
  if (row === undefined) return undefined;
  return { email: row.email, role: row.role, team: row.team ?? undefined };
}

/** Read on every request of a provider sign-in's web session: SCIM may disable at any time. */
export function activeUser(db: Db, email: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE email = ? AND active = 1').get(email) as
    UserRow | undefined;
  return row === undefined
    ? undefined
    : { email: row.email, role: row.role, team: row.team ?? undefined };
}

export function addUser(db: Db, input: UserInput, at: Date): string {
  const token = newToken();
  const hash = tokenHash(token) ?? '';
  db.transaction(() => {
    const existing = db.prepare('SELECT * FROM users WHERE email = ?').get(input.email) as
      UserRow | undefined;
    const { user, audit } = planUserChange(existing && toListing(existing), input);
    appendAudit(db, at, audit);
    if (existing === undefined)
      db.prepare(
        'INSERT INTO users (email, role, team, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(user.email, user.role, user.team ?? null, hash, at.toISOString());
    else
      db.prepare(
        'UPDATE users SET token_hash = ?, revoked_at = NULL, role = ?, team = ? WHERE email = ?',
      ).run(hash, user.role, user.team ?? null, input.email);
  })();
  return token;
}

export function revokeUser(db: Db, email: string, actor: string, at: Date): boolean {
  return db.transaction(() => {
    const result = db
      .prepare('UPDATE users SET revoked_at = ? WHERE email = ? AND revoked_at IS NULL')
      .run(at.toISOString(), email);
    if (result.changes !== 1) return false;
    appendAudit(db, at, { actor, action: 'role_change', comment: `${email}: token revoked` });
    return true;
  })();
}

export function listUsers(db: Db): UserListing[] {
  return (db.prepare('SELECT * FROM users ORDER BY email').all() as UserRow[]).map(toListing);
}

/**
 * The audit trail is append-only: the store can add and read entries and nothing else, and
 * triggers in the schema refuse UPDATE and DELETE for any other code. Called inside the
 * transaction of the change it records, so neither exists without the other.
 */
export function appendAudit(db: Db, at: Date, entry: AuditInput): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, item_id, version, comment) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    at.toISOString(),
    entry.actor,
    entry.action,
    entry.item ?? null,
    entry.version ?? null,
    entry.comment ?? null,
  );
}

export function queryAudit(db: Db, filter: AuditFilter): AuditPage {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  const add = (sql: string, name: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    where.push(sql);
    params[name] = value;
  };
  add('item_id = @item', 'item', filter.item);
  add('actor = @actor COLLATE NOCASE', 'actor', filter.actor);
  add('action = @action', 'action', filter.action);
  add('at >= @since', 'since', filter.since);
  add('id < @before', 'before', filter.before);
  const rows = db
    .prepare(
      `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT @limit`,
    )
    .all(params) as AuditRow[];
  return auditPage(rows, filter.limit);
}

/** Who last changed the item's content (create, edit, rollback): they may not approve it. */
export function lastEditor(db: Db, item: string): string | undefined {
  const row = db
    .prepare(
      `SELECT actor FROM audit_log WHERE item_id = ? AND action IN ('create', 'edit', 'rollback')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(item) as { actor: string } | undefined;
  return row?.actor;
}
