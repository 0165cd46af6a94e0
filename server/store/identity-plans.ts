import { randomUUID } from 'node:crypto';
import type { Role } from '@/lib/content-model';
import type {
  Access,
  GroupAssigner,
  IdentityClaims,
  ScimGroupRecord,
  ScimUserRecord,
  ScimUserWrite,
  SignInOutcome,
} from './identity-types';
import type { AuditInput } from './types';

/** A users row with the identity columns, as both backends read it (booleans as booleans). */
export interface IdentityUserRow {
  email: string;
  role: Role;
  team: string | null;
  active: boolean;
  scim_id: string | null;
  user_name: string | null;
  external_id: string | null;
  display_name: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: string;
  updated_at: string | null;
}

/** SQLite answers 0/1 where PostgreSQL answers booleans. */
export const toIdentityRow = (row: Omit<IdentityUserRow, 'active'> & { active: unknown }) => ({
  ...row,
  active: row.active === true || row.active === 1,
});

/**
 * The token_hash of a user with no opaque token: 'none:' never occurs in a SHA-256 in hex, so no
 * token can match it, and the column keeps its NOT NULL UNIQUE.
 */
export const noTokenHash = () => `none:${randomUUID()}`;

export const newScimId = () => randomUUID();

const accessOf = (row: IdentityUserRow): Access => ({
  role: row.role,
  team: row.team ?? undefined,
});

/** The audit row for a role or team change made by the IdP, or undefined when nothing changed. */
export function accessAudit(
  email: string,
  before: Access | undefined,
  after: Access,
  actor: 'oidc' | 'scim',
): AuditInput | undefined {
  const word = (a: Access) => `${a.role}${a.team === undefined ? '' : ` (team ${a.team})`}`;
  if (before === undefined)
    return { actor, action: 'role_change', comment: `${email}: added as ${word(after)}` };
  if (before.role === after.role && before.team === after.team) return undefined;
  return { actor, action: 'role_change', comment: `${email}: ${word(before)} → ${word(after)}` };
}

export type SignInPlan =
  | { kind: 'refuse'; outcome: Extract<SignInOutcome, { ok: false }> }
  | { kind: 'create'; access: Access; audit: AuditInput | undefined }
  | {
      kind: 'update';
      /** The stored email of the row to change (it may differ from the token's in case). */
      email: string;
      access: Access;
      /** Link the row to this issuer + subject (a user found by email). */
      link: boolean;
      audit: AuditInput | undefined;
    };

/**
 * Who a verified token is, given the row linked to its issuer + subject and the row with its
 * email. A row linked to another subject is never taken over by email (an IdP that reuses an
 * address for a new person must not inherit the old one's history).
 */
export function planSignIn(
  bySubject: IdentityUserRow | undefined,
  byEmail: IdentityUserRow | undefined,
  claims: IdentityClaims,
  assign: GroupAssigner,
  create: boolean,
): SignInPlan {
  const row = bySubject ?? byEmail;
  if (bySubject === undefined && byEmail?.oidc_subject != null)
    return refuse(
      'conflict',
      `${claims.email} is linked to another account at the identity provider`,
    );
  if (row === undefined) {
    if (!create)
      return refuse('unknown', `${claims.email} has no Waymark account: ask your administrator`);
    const access = assign(claims.groups ?? [], undefined);
    return { kind: 'create', access, audit: accessAudit(claims.email, undefined, access, 'oidc') };
  }
  if (!row.active) return refuse('disabled', `${row.email} is disabled`);
  const before = accessOf(row);
  const access = claims.groups === undefined ? before : assign(claims.groups, before);
  return {
    kind: 'update',
    email: row.email,
    access,
    link: bySubject === undefined,
    audit: accessAudit(row.email, before, access, 'oidc'),
  };
}

function refuse(reason: 'disabled' | 'unknown' | 'conflict', message: string): SignInPlan {
  return { kind: 'refuse', outcome: { ok: false, reason, message } };
}

/** A stored row and its SCIM groups as a SCIM user record. */
export function scimUserRecord(
  row: IdentityUserRow,
  groups: { id: string; displayName: string }[],
): ScimUserRecord {
  return {
    id: row.scim_id ?? '',
    userName: row.user_name ?? row.email,
    email: row.email,
    externalId: row.external_id ?? undefined,
    displayName: row.display_name ?? undefined,
    active: row.active,
    role: row.role,
    team: row.team ?? undefined,
    groups,
    created: row.created_at,
    lastModified: row.updated_at ?? row.created_at,
  };
}

/** The names a group is known by for the mapping: its display name and its id at the IdP. */
export const groupNames = (g: { display_name: string; external_id: string | null }) =>
  g.external_id === null ? [g.display_name] : [g.display_name, g.external_id];

export class ScimConflictError extends Error {}

/** Refuses a SCIM write whose userName or email belongs to another SCIM-managed user. */
export function checkScimUnique(
  write: ScimUserWrite,
  clash: IdentityUserRow | undefined,
  id: string | undefined,
): void {
  if (clash !== undefined && clash.scim_id !== null && clash.scim_id !== id)
    throw new ScimConflictError(`userName ${write.userName} is already provisioned`);
}

/** SCIM filter attributes (lower-cased) and the column each compares, case-insensitively. */
export const scimUserFilterColumns: Readonly<Record<string, string>> = {
  username: 'user_name',
  externalid: 'external_id',
  id: 'scim_id',
  'emails.value': 'email',
};
export const scimGroupFilterColumns: Readonly<Record<string, string>> = {
  displayname: 'display_name',
  externalid: 'external_id',
  id: 'id',
};

/** The column a SCIM filter names, or undefined when the attribute is not filterable. */
export function filterColumn(
  columns: Readonly<Record<string, string>>,
  filter: { attribute: string } | undefined,
): string | undefined {
  return filter === undefined ? undefined : columns[filter.attribute.toLowerCase()];
}

/** A scim_groups row as both backends read it. */
export interface ScimGroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A group as SCIM returns it, from its row and its members (the same on both backends). */
export function scimGroupRecord(
  row: ScimGroupRow,
  members: readonly { id: string; userName: string }[],
): ScimGroupRecord {
  return {
    id: row.id,
    displayName: row.display_name,
    externalId: row.external_id ?? undefined,
    members: [...members],
    created: row.created_at,
    lastModified: row.updated_at,
  };
}
