import { createHash, randomBytes } from 'node:crypto';
import { itemTypes, type Item, type Role, type Template } from '@/lib/content-model';
import { UserExistsError, VersionConflictError } from './errors';
import type { AuditInput, TemplatePutOutcome, UserInput } from './types';

/**
 * The decisions behind the store's whole operations, shared by every backend: each takes what
 * the backend read inside its transaction and says what to write. Pure, so both backends behave
 * alike by construction and the rules are read in one place.
 */

/** A plain item write (seed, import): the same body is a no-op, anything else a higher version. */
export function planItemUpsert(
  current: { body: string; deleted: boolean; version: number } | undefined,
  item: Item,
  body: string,
): 'unchanged' | 'write' {
  if (current !== undefined && !current.deleted && current.body === body) return 'unchanged';
  if (current !== undefined && item.version <= current.version)
    throw new VersionConflictError(
      `item "${item.id}" is at version ${current.version}; a change needs a higher version (got ${item.version})`,
    );
  return 'write';
}

const TOKEN_PREFIX = 'wmk_';

/**
 * Tokens are opaque: a prefix (so secret scanners can recognise a leaked one) and 32 random bytes.
 * Only the SHA-256 is stored; a stolen database yields no usable token.
 */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The stored hash of a token, or undefined for a string that cannot be a token. */
export function tokenHash(token: string): string | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  return createHash('sha256').update(token).digest('hex');
}

export interface StoredUser {
  email: string;
  role: Role;
  team: string | undefined;
}

/**
 * `users add`: a new user needs a role; an existing email is refused unless `rotate`, which keeps
 * role and team unless given. Returns the user to store and the audit row that records it.
 */
export function planUserChange(
  existing: StoredUser | undefined,
  input: UserInput,
): { user: StoredUser; audit: AuditInput } {
  const actor = input.actor ?? 'cli';
  if (existing !== undefined && !input.rotate)
    throw new UserExistsError(`user ${input.email} already exists (use --rotate for a new token)`);
  if (existing === undefined) {
    if (input.role === undefined) throw new UserExistsError('a new user needs a --role');
    return {
      user: { email: input.email, role: input.role, team: input.team },
      audit: { actor, action: 'role_change', comment: `${input.email}: added as ${input.role}` },
    };
  }
  const role = input.role ?? existing.role;
  return {
    user: { email: existing.email, role, team: input.team ?? existing.team },
    audit: {
      actor,
      action: 'role_change',
      comment:
        role === existing.role
          ? `${input.email}: token rotated (role ${role})`
          : `${input.email}: ${existing.role} → ${role}, token rotated`,
    },
  };
}

/** A template write: unchanged, or the next version (audited when a person made it). */
export function planTemplatePut(
  current: { body: string; version: number } | undefined,
  template: Template,
  actor: string | undefined,
): { outcome: TemplatePutOutcome; body: string; version: number; audit: AuditInput | undefined } {
  const body = JSON.stringify(template);
  if (current?.body === body)
    return { outcome: 'unchanged', body, version: current.version, audit: undefined };
  const version = (current?.version ?? 0) + 1;
  const outcome = current === undefined ? 'created' : 'updated';
  const audit: AuditInput | undefined =
    actor === undefined
      ? undefined
      : { actor, action: 'template', version, comment: `template "${template.id}" ${outcome}` };
  return { outcome, body, version, audit };
}

const typeRank = new Map<string, number>(itemTypes.map((def, i) => [def.type, i]));

/** Templates by item type (in registry order, as the side panel lists types), then name. */
export function sortTemplates(templates: Template[]): Template[] {
  return templates.sort(
    (a, b) =>
      (typeRank.get(a.item_type) ?? 0) - (typeRank.get(b.item_type) ?? 0) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}

/** Set once templates were seeded (even none), so a later start does not read content/ again. */
export const TEMPLATES_SEEDED = 'templates_seeded';

/** A new database's epoch: 6 random bytes, URL-safe. */
export const newEpoch = (): string => randomBytes(6).toString('base64url');
