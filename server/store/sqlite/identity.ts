import { noTokenHash, planSignIn, toIdentityRow, type IdentityUserRow } from '../identity-plans';
import type {
  Access,
  Acknowledgement,
  GroupAssigner,
  IdentityClaims,
  SignInOutcome,
} from '../identity-types';
import { accessAudit, groupNames } from '../identity-plans';
import type { Db } from './database';
import { appendAudit } from './people';

type RawRow = Omit<IdentityUserRow, 'active'> & { active: number };

export function userWhere(db: Db, where: string, ...params: unknown[]) {
  const row = db.prepare(`SELECT * FROM users WHERE ${where}`).get(...params) as RawRow | undefined;
  return row === undefined ? undefined : toIdentityRow(row);
}

/** One sign-in through the identity provider, in the caller's transaction. */
export function signIn(
  db: Db,
  claims: IdentityClaims,
  assign: GroupAssigner,
  create: boolean,
  at: Date,
): SignInOutcome {
  const bySubject = userWhere(
    db,
    'oidc_issuer = ? AND oidc_subject = ?',
    claims.issuer,
    claims.subject,
  );
  const byEmail = userWhere(db, 'email = ?', claims.email);
  const plan = planSignIn(bySubject, byEmail, claims, assign, create);
  if (plan.kind === 'refuse') return plan.outcome;
  const stamp = at.toISOString();
  if (plan.kind === 'create')
    db.prepare(
      `INSERT INTO users (email, role, team, token_hash, created_at, updated_at, display_name,
         oidc_issuer, oidc_subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      claims.email,
      plan.access.role,
      plan.access.team ?? null,
      noTokenHash(),
      stamp,
      stamp,
      claims.name ?? null,
      claims.issuer,
      claims.subject,
    );
  else if (plan.link || plan.audit !== undefined)
    db.prepare(
      `UPDATE users SET role = ?, team = ?, updated_at = ?,
         oidc_issuer = ?, oidc_subject = ? WHERE email = ?`,
    ).run(
      plan.access.role,
      plan.access.team ?? null,
      stamp,
      claims.issuer,
      claims.subject,
      plan.email,
    );
  if (plan.audit !== undefined) appendAudit(db, at, plan.audit);
  const email = plan.kind === 'create' ? claims.email : plan.email;
  return { ok: true, user: { email, role: plan.access.role, team: plan.access.team } };
}

/** The names of a SCIM user's groups (display names and IdP ids), for the group mapping. */
export function groupNamesOf(db: Db, scimId: string): string[] {
  const rows = db
    .prepare(
      `SELECT g.display_name, g.external_id FROM scim_members m
       JOIN scim_groups g ON g.id = m.group_id WHERE m.user_id = ?`,
    )
    .all(scimId) as { display_name: string; external_id: string | null }[];
  return rows.flatMap(groupNames);
}

/** Assigns a SCIM user's role and team again from their groups; audited when they change. */
export function reassign(db: Db, scimId: string, assign: GroupAssigner, at: Date): void {
  const row = userWhere(db, 'scim_id = ?', scimId);
  if (row === undefined) return;
  const before: Access = { role: row.role, team: row.team ?? undefined };
  const after = assign(groupNamesOf(db, scimId), before);
  const audit = accessAudit(row.email, before, after, 'scim');
  if (audit === undefined) return;
  db.prepare('UPDATE users SET role = ?, team = ?, updated_at = ? WHERE scim_id = ?').run(
    after.role,
    after.team ?? null,
    at.toISOString(),
    scimId,
  );
  appendAudit(db, at, audit);
}

export function acknowledge(db: Db, itemId: string, email: string, at: Date): Acknowledgement {
  // Stored lower-cased, as PostgreSQL does, so both answer the same strings.
  const who = email.toLowerCase();
  db.prepare('INSERT OR IGNORE INTO acknowledgements (item_id, email, at) VALUES (?, ?, ?)').run(
    itemId,
    who,
    at.toISOString(),
  );
  return db
    .prepare('SELECT email, at FROM acknowledgements WHERE item_id = ? AND email = ?')
    .get(itemId, who) as Acknowledgement;
}

export function acknowledgements(db: Db, itemId: string): Acknowledgement[] {
  return db
    .prepare('SELECT email, at FROM acknowledgements WHERE item_id = ? ORDER BY at, email')
    .all(itemId) as Acknowledgement[];
}
