import type { Role } from '@/lib/content-model';
import type { User } from './types';

/** What a user may see and do: their role and team. */
export interface Access {
  role: Role;
  team: string | undefined;
}

/**
 * A user's role and team from the names of their groups (the token's groups claim, or their SCIM
 * groups) and what they hold now (undefined: a new user). Pure: server/identity/groups.ts builds
 * it from the configured mapping; the store calls it inside its transaction.
 */
export type GroupAssigner = (groups: readonly string[], current: Access | undefined) => Access;

/** Who an access token from the identity provider names, after it was verified. */
export interface IdentityClaims {
  issuer: string;
  subject: string;
  email: string;
  name?: string | undefined;
  /** The groups claim; undefined when the token carries none (then role and team stay). */
  groups: readonly string[] | undefined;
}

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'disabled' | 'unknown' | 'conflict'; message: string };

/** A user as SCIM shows them (server/scim/ turns it into the wire format). */
export interface ScimUserRecord {
  id: string;
  userName: string;
  email: string;
  externalId: string | undefined;
  displayName: string | undefined;
  active: boolean;
  role: Role;
  team: string | undefined;
  groups: { id: string; displayName: string }[];
  created: string;
  lastModified: string;
}

/** What a SCIM create, replace or patch leaves a user as. */
export interface ScimUserWrite {
  userName: string;
  email: string;
  externalId: string | undefined;
  displayName: string | undefined;
  active: boolean;
}

export interface ScimGroupRecord {
  id: string;
  displayName: string;
  externalId: string | undefined;
  members: { id: string; userName: string }[];
  created: string;
  lastModified: string;
}

export interface ScimGroupWrite {
  displayName: string;
  externalId: string | undefined;
  /** Member users' SCIM ids; unknown ids are dropped. */
  members: string[];
}

/** A SCIM list: one `attribute eq "value"` filter (what Entra and Okta send), 1-based paging. */
export interface ScimQuery {
  filter?: { attribute: string; value: string } | undefined;
  startIndex: number;
  count: number;
}

export interface ScimList<T> {
  total: number;
  resources: T[];
}

/**
 * Decides a SCIM write from what is stored (undefined: a create). Throws an HttpError-like
 * error to refuse; the store writes nothing then.
 */
export type ScimDecider<C, W> = (current: C | undefined) => W;

export interface Acknowledgement {
  email: string;
  at: string;
}

/**
 * Identity, provisioning and acknowledgements: the part of the Store added for issue 17. Every
 * method is one transaction, on both backends.
 */
export interface IdentityStore {
  /**
   * The Waymark user an identity-provider token names: found by issuer + subject, else linked by
   * email (a user added by the CLI or SCIM), else created when `create`. Role and team follow
   * `assign` when the token carries groups (audited when they change). A disabled user is refused.
   */
  signIn(
    claims: IdentityClaims,
    assign: GroupAssigner,
    options: { create: boolean },
  ): Promise<SignInOutcome>;

  scimUser(id: string): Promise<ScimUserRecord | undefined>;
  scimUsers(query: ScimQuery): Promise<ScimList<ScimUserRecord>>;
  /**
   * Creates (`id` undefined) or changes a user as `decide` says; a user the CLI or a sign-in
   * made with the same email is adopted. Returns undefined for an unknown id; throws
   * ScimConflictError when the userName belongs to another SCIM user.
   */
  scimWriteUser(
    id: string | undefined,
    decide: ScimDecider<ScimUserRecord, ScimUserWrite>,
    assign: GroupAssigner,
  ): Promise<ScimUserRecord | undefined>;
  /** Disables the user and forgets their SCIM link and groups; false for an unknown id. */
  scimDeleteUser(id: string): Promise<boolean>;

  scimGroup(id: string): Promise<ScimGroupRecord | undefined>;
  scimGroups(query: ScimQuery): Promise<ScimList<ScimGroupRecord>>;
  /** Creates or changes a group; members' role and team are assigned again. */
  scimWriteGroup(
    id: string | undefined,
    decide: ScimDecider<ScimGroupRecord, ScimGroupWrite>,
    assign: GroupAssigner,
  ): Promise<ScimGroupRecord | undefined>;
  scimDeleteGroup(id: string, assign: GroupAssigner): Promise<boolean>;

  /** Records that `email` acknowledged an item (the first time stays); returns when. */
  acknowledge(itemId: string, email: string): Promise<Acknowledgement>;
  /** Everyone who acknowledged the item, earliest first. */
  acknowledgements(itemId: string): Promise<Acknowledgement[]>;
}
