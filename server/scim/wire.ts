import { z } from 'zod';
import type {
  ScimGroupRecord,
  ScimList,
  ScimUserRecord,
  ScimUserWrite,
} from '../store/identity-types';

/** SCIM 2.0 (RFC 7643/7644) as Entra ID and Okta speak it: schema URNs, errors, list responses. */
export const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

/** A SCIM error response; `scimType` per RFC 7644 §3.12. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 501,
    message: string,
    readonly scimType?:
      'invalidFilter' | 'invalidSyntax' | 'invalidValue' | 'uniqueness' | 'noTarget',
  ) {
    super(message);
  }

  body() {
    return {
      schemas: [URN.error],
      status: String(this.status),
      ...(this.scimType === undefined ? {} : { scimType: this.scimType }),
      detail: this.message,
    };
  }
}

/** Entra once sent booleans as "True"/"False"; both spellings are taken. */
export const scimBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'false', 'True', 'False']).transform((v) => v.toLowerCase() === 'true'),
]);

const emailEntry = z.looseObject({
  value: z.string().max(320),
  type: z.string().max(50).optional(),
  primary: scimBoolean.optional(),
});

/** A User as POSTed or PUT; attributes Waymark does not keep (title, manager…) pass unread. */
export const userBodySchema = z.looseObject({
  userName: z.string().trim().min(1).max(320),
  externalId: z.string().max(500).optional(),
  displayName: z.string().max(200).optional(),
  name: z
    .looseObject({
      formatted: z.string().max(200).optional(),
      givenName: z.string().max(100).optional(),
      familyName: z.string().max(100).optional(),
    })
    .optional(),
  emails: z.array(emailEntry).max(20).optional(),
  active: scimBoolean.default(true),
});
export type UserBody = z.infer<typeof userBodySchema>;

const isEmail = (value: string) => z.email().safeParse(value).success;

/** The address Waymark keys a user by: the primary email, else the first, else the userName. */
export function emailOf(body: Pick<UserBody, 'emails' | 'userName'>): string {
  const emails = body.emails ?? [];
  const chosen = (emails.find((e) => e.primary === true) ?? emails[0])?.value ?? body.userName;
  if (!isEmail(chosen))
    throw new ScimError(
      400,
      `"${chosen}" is not an email address (emails or userName)`,
      'invalidValue',
    );
  return chosen.toLowerCase();
}

export function userWrite(body: UserBody): ScimUserWrite {
  const { name } = body;
  const fromName =
    name?.formatted ?? ([name?.givenName, name?.familyName].filter(Boolean).join(' ') || undefined);
  return {
    userName: body.userName,
    email: emailOf(body),
    externalId: body.externalId,
    displayName: body.displayName ?? fromName,
    active: body.active,
  };
}

export const groupBodySchema = z.looseObject({
  displayName: z.string().trim().min(1).max(256),
  externalId: z.string().max(500).optional(),
  members: z
    .array(z.looseObject({ value: z.string().min(1).max(200) }))
    .max(10_000)
    .default([]),
});

const meta = (
  type: 'User' | 'Group',
  base: string,
  r: { id: string; created: string; lastModified: string },
) => ({
  resourceType: type,
  created: r.created,
  lastModified: r.lastModified,
  location: `${base}/${type}s/${r.id}`,
});

export function userResource(record: ScimUserRecord, base: string) {
  return {
    schemas: [URN.user],
    id: record.id,
    ...(record.externalId === undefined ? {} : { externalId: record.externalId }),
    userName: record.userName,
    ...(record.displayName === undefined ? {} : { displayName: record.displayName }),
    emails: [{ value: record.email, type: 'work', primary: true }],
    active: record.active,
    groups: record.groups.map((g) => ({ value: g.id, display: g.displayName })),
    meta: meta('User', base, record),
  };
}

export function groupResource(record: ScimGroupRecord, base: string, withMembers = true) {
  return {
    schemas: [URN.group],
    id: record.id,
    ...(record.externalId === undefined ? {} : { externalId: record.externalId }),
    displayName: record.displayName,
    ...(withMembers
      ? { members: record.members.map((m) => ({ value: m.id, display: m.userName })) }
      : {}),
    meta: meta('Group', base, record),
  };
}

export function listResponse<T>(list: ScimList<T>, startIndex: number, resources: unknown[]) {
  return {
    schemas: [URN.list],
    totalResults: list.total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** `attribute eq "value"`, the one filter Entra and Okta send to find a resource. */
export function parseFilter(raw: string | undefined) {
  if (raw === undefined || raw.trim() === '') return undefined;
  const match = /^\s*([A-Za-z][\w.]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(raw);
  if (match?.[1] === undefined || match[2] === undefined)
    throw new ScimError(
      400,
      `filter "${raw}": only 'attribute eq "value"' is supported`,
      'invalidFilter',
    );
  return { attribute: match[1], value: match[2].replace(/\\(.)/g, '$1') };
}
