import { z } from 'zod';
import type { ScimGroupWrite, ScimUserWrite } from '../store/identity-types';
import { emailOf, scimBoolean, ScimError, URN } from './wire';

/** A PatchOp body (RFC 7644 §3.5.2); Entra capitalises `op` ("Replace"), Okta does not. */
export const patchSchema = z.looseObject({
  schemas: z.array(z.string()).refine((s) => s.includes(URN.patch), `must include ${URN.patch}`),
  Operations: z
    .array(
      z.looseObject({
        op: z
          .string()
          .transform((op) => op.toLowerCase())
          .pipe(z.enum(['add', 'replace', 'remove'])),
        path: z.string().max(300).optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type PatchOperation = z.infer<typeof patchSchema>['Operations'][number];

const text = (value: unknown, path: string) => {
  if (typeof value !== 'string')
    throw new ScimError(400, `${path}: must be a string`, 'invalidValue');
  return value;
};

/** One attribute of a user set from a patch; attributes Waymark does not keep are ignored. */
function setUserAttribute(user: ScimUserWrite, path: string, value: unknown): void {
  const key = path.toLowerCase();
  if (key === 'active') {
    const parsed = scimBoolean.safeParse(value);
    if (!parsed.success) throw new ScimError(400, 'active: must be true or false', 'invalidValue');
    user.active = parsed.data;
  } else if (key === 'username') user.userName = text(value, path);
  else if (key === 'externalid') user.externalId = text(value, path);
  else if (key === 'displayname' || key === 'name.formatted') user.displayName = text(value, path);
  else if (key.startsWith('emails')) {
    const email = Array.isArray(value)
      ? emailOf({
          userName: user.userName,
          emails: z
            .array(z.looseObject({ value: z.string(), primary: scimBoolean.optional() }))
            .parse(value),
        })
      : emailOf({ userName: text(value, path) });
    user.email = email;
  }
}

/** The user after the operations, applied in order (Entra's and Okta's shapes alike). */
export function patchUser(current: ScimUserWrite, operations: PatchOperation[]): ScimUserWrite {
  const user = { ...current };
  for (const { op, path, value } of operations) {
    if (op === 'remove') {
      if (path?.toLowerCase() === 'externalid') user.externalId = undefined;
      else if (path?.toLowerCase() === 'displayname') user.displayName = undefined;
      continue;
    }
    if (path !== undefined) setUserAttribute(user, path, value);
    else if (typeof value === 'object' && value !== null)
      for (const [key, v] of Object.entries(value)) setUserAttribute(user, key, v);
    else throw new ScimError(400, `${op} without a path needs an object value`, 'invalidSyntax');
  }
  return user;
}

const memberValues = (value: unknown): string[] => {
  const parsed = z.array(z.looseObject({ value: z.string().min(1) })).safeParse(value);
  if (!parsed.success)
    throw new ScimError(400, 'members: must be a list of { value }', 'invalidValue');
  return parsed.data.map((m) => m.value);
};

/** `members[value eq "id"]`: Okta's way to name the member to remove. */
const MEMBER_PATH = /^members\[value eq "([^"]+)"\]$/i;

function patchMembers(members: Set<string>, op: PatchOperation): void {
  const one = MEMBER_PATH.exec(op.path ?? '')?.[1];
  if (op.op === 'remove') {
    if (one !== undefined) members.delete(one);
    else if (op.value === undefined) members.clear();
    else for (const id of memberValues(op.value)) members.delete(id);
    return;
  }
  if (op.op === 'replace') members.clear();
  for (const id of memberValues(op.value)) members.add(id);
}

/** The group after the operations: display name, external id, members added or removed. */
export function patchGroup(current: ScimGroupWrite, operations: PatchOperation[]): ScimGroupWrite {
  const group = { ...current };
  const members = new Set(current.members);
  for (const op of operations) {
    const path = op.path?.toLowerCase();
    if (path?.startsWith('members')) patchMembers(members, op);
    else if (path === 'displayname') group.displayName = text(op.value, 'displayName');
    else if (path === 'externalid')
      group.externalId = op.op === 'remove' ? undefined : text(op.value, 'externalId');
    else if (path === undefined && typeof op.value === 'object' && op.value !== null) {
      const value = op.value as Record<string, unknown>;
      if (value.displayName !== undefined)
        group.displayName = text(value.displayName, 'displayName');
      if (value.externalId !== undefined) group.externalId = text(value.externalId, 'externalId');
      if (value.members !== undefined) patchMembers(members, { ...op, path: 'members' });
    } else
      throw new ScimError(
        400,
        `cannot ${op.op} ${op.path ?? 'without a path'} on a Group`,
        'noTarget',
      );
  }
  if (group.displayName.trim() === '')
    throw new ScimError(400, 'displayName: must not be empty', 'invalidValue');
  return { ...group, members: [...members] };
}
