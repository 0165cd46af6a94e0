import {
  accessAudit,
  groupNames,
  noTokenHash,
  planSignIn,
  toIdentityRow,
  type IdentityUserRow,
} from '../identity-plans';
import type {
  Access,
  Acknowledgement,
  GroupAssigner,
  IdentityClaims,
  SignInOutcome,
} from '../identity-types';
import type { Query, Tx } from './connect';
import { appendAudit } from './people';

export async function userByScimId(sql: Query, id: string, lock = false) {
  const rows = lock
    ? await sql<IdentityUserRow[]>`SELECT * FROM users WHERE scim_id = ${id} FOR UPDATE`
    : await sql<IdentityUserRow[]>`SELECT * FROM users WHERE scim_id = ${id}`;
  return rows[0] === undefined ? undefined : toIdentityRow(rows[0]);
}

export async function userByEmail(sql: Query, email: string) {
  const [row] = await sql<IdentityUserRow[]>`
    SELECT * FROM users WHERE lower(email) = lower(${email}) FOR UPDATE`;
  return row === undefined ? undefined : toIdentityRow(row);
}

/** One sign-in through the identity provider, in the caller's transaction. */
export async function signIn(
  tx: Tx,
  claims: IdentityClaims,
  assign: GroupAssigner,
  create: boolean,
  at: Date,
): Promise<SignInOutcome> {
  const [subjectRow] = await tx<IdentityUserRow[]>`
    SELECT * FROM users WHERE oidc_issuer = ${claims.issuer} AND oidc_subject = ${claims.subject}
    FOR UPDATE`;
  const bySubject = subjectRow === undefined ? undefined : toIdentityRow(subjectRow);
  const byEmail = await userByEmail(tx, claims.email);
  const plan = planSignIn(bySubject, byEmail, claims, assign, create);
  if (plan.kind === 'refuse') return plan.outcome;
  const stamp = at.toISOString();
  const { role, team } = plan.access;
  if (plan.kind === 'create')
    await tx`INSERT INTO users (email, role, team, token_hash, created_at, updated_at,
        display_name, oidc_issuer, oidc_subject)
      VALUES (${claims.email}, ${role}, ${team ?? null}, ${noTokenHash()}, ${stamp}, ${stamp},
        ${claims.name ?? null}, ${claims.issuer}, ${claims.subject})`;
  else if (plan.link || plan.audit !== undefined)
    await tx`UPDATE users SET role = ${role}, team = ${team ?? null}, updated_at = ${stamp},
        oidc_issuer = ${claims.issuer}, oidc_subject = ${claims.subject}
      WHERE email = ${plan.email}`;
  if (plan.audit !== undefined) await appendAudit(tx, at, plan.audit);
  const email = plan.kind === 'create' ? claims.email : plan.email;
  return { ok: true, user: { email, role, team } };
}

export async function groupNamesOf(sql: Query, scimId: string): Promise<string[]> {
  const rows = await sql<{ display_name: string; external_id: string | null }[]>`
    SELECT g.display_name, g.external_id FROM scim_members m
    JOIN scim_groups g ON g.id = m.group_id WHERE m.user_id = ${scimId}`;
  return rows.flatMap(groupNames);
}

/** Assigns a SCIM user's role and team again from their groups; audited when they change. */
export async function reassign(tx: Tx, scimId: string, assign: GroupAssigner, at: Date) {
  const row = await userByScimId(tx, scimId, true);
  if (row === undefined) return;
  const before: Access = { role: row.role, team: row.team ?? undefined };
  const after = assign(await groupNamesOf(tx, scimId), before);
  const audit = accessAudit(row.email, before, after, 'scim');
  if (audit === undefined) return;
  await tx`UPDATE users SET role = ${after.role}, team = ${after.team ?? null},
    updated_at = ${at.toISOString()} WHERE scim_id = ${scimId}`;
  await appendAudit(tx, at, audit);
}

export async function acknowledge(
  tx: Tx,
  itemId: string,
  email: string,
  at: Date,
): Promise<Acknowledgement> {
  await tx`INSERT INTO acknowledgements (item_id, email, at)
    VALUES (${itemId}, ${email.toLowerCase()}, ${at.toISOString()}) ON CONFLICT DO NOTHING`;
  const [row] = await tx<Acknowledgement[]>`SELECT email, at FROM acknowledgements
    WHERE item_id = ${itemId} AND email = ${email.toLowerCase()}`;
  return row!;
}

export async function acknowledgements(sql: Query, itemId: string): Promise<Acknowledgement[]> {
  return sql<Acknowledgement[]>`SELECT email, at FROM acknowledgements WHERE item_id = ${itemId}
    ORDER BY at, email COLLATE "C"`;
}
