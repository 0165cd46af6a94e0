import type postgres from 'postgres';
import { auditPage, type AuditRow } from '../audit-rows';
import { toListing, type UserRow } from '../rows';
import { newToken, planUserChange, tokenHash } from '../plans';
import type { AuditFilter, AuditInput, AuditPage, User, UserInput, UserListing } from '../types';
import type { Query, Tx } from './connect';

export async function userByHash(sql: Query, hash: string): Promise<User | undefined> {
  const [row] = await sql<UserRow[]>`
    SELECT * FROM users WHERE token_hash = ${hash} AND revoked_at IS NULL AND active`;
  return row === undefined
    ? undefined
    : { email: row.email, role: row.role, team: row.team ?? undefined };
}

/** Not cached: a web session made by a provider sign-in ends as soon as SCIM disables the user. */
export async function activeUser(sql: Query, email: string): Promise<User | undefined> {
  const [row] = await sql<UserRow[]>`SELECT * FROM users WHERE email = ${email} AND active`;
  return row === undefined
    ? undefined
    : { email: row.email, role: row.role, team: row.team ?? undefined };
}

/** Returns the new token and the hash of the one it replaces (to drop from caches). */
export async function addUser(
  tx: Tx,
  input: UserInput,
  at: Date,
): Promise<{ token: string; replaced: string | undefined }> {
  const token = newToken();
  const hash = tokenHash(token) ?? '';
  const [existing] = await tx<(UserRow & { token_hash: string })[]>`
    SELECT * FROM users WHERE lower(email) = lower(${input.email}) FOR UPDATE`;
  const { user, audit } = planUserChange(existing && toListing(existing), input);
  await appendAudit(tx, at, audit);
  if (existing === undefined)
    await tx`INSERT INTO users (email, role, team, token_hash, created_at)
      VALUES (${user.email}, ${user.role}, ${user.team ?? null}, ${hash}, ${at.toISOString()})`;
  else
    await tx`UPDATE users SET token_hash = ${hash}, revoked_at = NULL, role = ${user.role},
      team = ${user.team ?? null} WHERE lower(email) = lower(${input.email})`;
  return { token, replaced: existing?.token_hash };
}

/** Returns the revoked token's hash (to drop from caches), or undefined if none was active. */
export async function revokeUser(tx: Tx, email: string, actor: string, at: Date) {
  const [revoked] = await tx<{ token_hash: string }[]>`
    UPDATE users SET revoked_at = ${at.toISOString()}
    WHERE lower(email) = lower(${email}) AND revoked_at IS NULL RETURNING token_hash`;
  if (revoked === undefined) return undefined;
  await appendAudit(tx, at, { actor, action: 'role_change', comment: `${email}: token revoked` });
  return revoked.token_hash;
}

export async function listUsers(sql: Query): Promise<UserListing[]> {
  return (await sql<UserRow[]>`SELECT * FROM users ORDER BY email COLLATE "C"`).map(toListing);
}

/** Append-only: triggers refuse UPDATE, DELETE and TRUNCATE, and the server role may not. */
export async function appendAudit(sql: Query, at: Date, entry: AuditInput): Promise<void> {
  await sql`INSERT INTO audit_log (at, actor, action, item_id, version, comment)
    VALUES (${at.toISOString()}, ${entry.actor}, ${entry.action}, ${entry.item ?? null},
      ${entry.version ?? null}, ${entry.comment ?? null})`;
}

export async function queryAudit(sql: Query, filter: AuditFilter): Promise<AuditPage> {
  const where: postgres.PendingQuery<postgres.Row[]>[] = [sql`true`];
  if (filter.item !== undefined) where.push(sql`item_id = ${filter.item}`);
  if (filter.actor !== undefined) where.push(sql`lower(actor) = lower(${filter.actor})`);
  if (filter.action !== undefined) where.push(sql`action = ${filter.action}`);
  if (filter.since !== undefined) where.push(sql`at >= ${filter.since}`);
  if (filter.before !== undefined) where.push(sql`id < ${filter.before}`);
  const condition = where.reduce((all, one) => sql`${all} AND ${one}`);
  const rows = await sql<AuditRow[]>`
    SELECT * FROM audit_log WHERE ${condition} ORDER BY id DESC LIMIT ${filter.limit + 1}`;
  return auditPage(rows, filter.limit);
}
