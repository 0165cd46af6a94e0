import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { roleSchema, slugSchema } from '@/lib/content-model';
import { describeZodError } from '../http';
import type { GroupMapping } from './groups';

/**
 * The server's identity configuration: the OpenID provider it trusts, the SCIM token, how groups
 * become roles and teams, and where a shared link sends people without the extension. Read from
 * a file (`waymark serve --config waymark.yaml`, JSON or YAML), then flags and environment
 * variables on top (README "Sign-in"). Everything optional: without `oidc` the server takes only
 * its own opaque tokens, without a SCIM token /scim/v2 answers 404.
 */
export const identityFileSchema = z.strictObject({
  oidc: z
    .strictObject({
      /** The issuer exactly as its tokens name it (`iss`); discovery is read from it. */
      issuer: z.url({ protocol: /^https?$/ }),
      /** The `aud` an access token for Waymark carries (Entra: the API's app id URI or id). */
      audience: z.string().min(1).max(500),
      /** The extension's public client id at the provider; the audience when unset. */
      client_id: z.string().min(1).max(500).optional(),
      /** Shown as "Sign in with <name>". */
      name: z.string().min(1).max(80).default('your organisation'),
      scopes: z
        .array(z.string().min(1).max(200))
        .max(20)
        .default(['openid', 'email', 'offline_access']),
      /** RFC 8707 `resource` sent with the authorization and token requests, if the IdP wants it. */
      resource: z.string().min(1).max(500).optional(),
      /** Accepted `typ` headers of access tokens (RFC 9068: at+jwt). Entra's say JWT. */
      token_types: z
        .array(z.string().min(1).max(100))
        .min(1)
        .default(['at+jwt', 'application/at+jwt']),
      algorithms: z
        .array(z.string().min(2).max(10))
        .min(1)
        .default(['RS256', 'PS256', 'ES256', 'EdDSA']),
      claims: z
        .strictObject({
          email: z.string().min(1).max(100).default('email'),
          groups: z.string().min(1).max(100).default('groups'),
          name: z.string().min(1).max(100).default('name'),
        })
        .default({ email: 'email', groups: 'groups', name: 'name' }),
      /** Make a Waymark user at the first sign-in (false: only users SCIM or the CLI made). */
      create_users: z.boolean().default(true),
      clock_tolerance_seconds: z.number().int().min(0).max(300).default(30),
      /** Least time between two JWKS downloads for an unknown key id (jose's cooldown). */
      jwks_cooldown_seconds: z.number().min(0).max(3600).default(30),
    })
    .optional(),
  scim: z
    .strictObject({
      /** SHA-256 (hex) of the SCIM bearer token (`waymark scim token` prints both). */
      token_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex (64 characters)'),
    })
    .optional(),
  groups: z
    .strictObject({
      roles: z.record(z.string().min(1).max(256), roleSchema).default({}),
      teams: z.record(z.string().min(1).max(256), slugSchema).default({}),
      default_role: roleSchema.default('learner'),
    })
    .default({ roles: {}, teams: {}, default_role: 'learner' }),
  links: z
    .strictObject({
      /** Where people without the extension learn how to get it (a shared link's page). */
      install_url: z.url({ protocol: /^https?$/ }).optional(),
    })
    .default({}),
});
export type IdentityFile = z.infer<typeof identityFileSchema>;
export type OidcConfig = NonNullable<IdentityFile['oidc']> & { client_id: string };

export interface IdentityConfig {
  oidc: OidcConfig | undefined;
  /** SHA-256 (hex) of the SCIM token, if SCIM is on. */
  scimTokenSha256: string | undefined;
  groups: GroupMapping;
  installUrl: string | undefined;
}

export interface IdentityOverrides {
  issuer?: string | undefined;
  audience?: string | undefined;
  clientId?: string | undefined;
  name?: string | undefined;
  /** The SCIM token itself (WAYMARK_SCIM_TOKEN); only its hash is kept. */
  scimToken?: string | undefined;
}

export class IdentityConfigError extends Error {}

/** Reads a config file (JSON or YAML), naming the file and the field at fault. */
export function readIdentityFile(path: string): IdentityFile {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IdentityConfigError(`${path}: ${(error as Error).message}`);
  }
  const parsed = identityFileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new IdentityConfigError(`${path}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** The file's settings with flags and environment on top; an issuer needs an audience. */
export function identityConfig(
  file: IdentityFile = identityFileSchema.parse({}),
  overrides: IdentityOverrides = {},
  sha256: (text: string) => string,
): IdentityConfig {
  const { issuer, audience, clientId, name, scimToken } = overrides;
  let oidc = file.oidc;
  if (
    issuer !== undefined ||
    audience !== undefined ||
    clientId !== undefined ||
    name !== undefined
  ) {
    const merged = {
      ...(oidc ?? {}),
      ...(issuer === undefined ? {} : { issuer }),
      ...(audience === undefined ? {} : { audience }),
      ...(clientId === undefined ? {} : { client_id: clientId }),
      ...(name === undefined ? {} : { name }),
    };
    if (merged.issuer === undefined || merged.audience === undefined)
      throw new IdentityConfigError('--oidc-issuer and --oidc-audience go together');
    const parsed = identityFileSchema.shape.oidc.safeParse(merged);
    if (!parsed.success) throw new IdentityConfigError(`oidc: ${describeZodError(parsed.error)}`);
    oidc = parsed.data;
  }
  if (scimToken !== undefined && scimToken.length < 32)
    throw new IdentityConfigError('WAYMARK_SCIM_TOKEN must be at least 32 characters');
  return {
    oidc: oidc === undefined ? undefined : { ...oidc, client_id: oidc.client_id ?? oidc.audience },
    scimTokenSha256: scimToken === undefined ? file.scim?.token_sha256 : sha256(scimToken),
    groups: {
      roles: new Map(Object.entries(file.groups.roles)),
      teams: new Map(Object.entries(file.groups.teams)),
      defaultRole: file.groups.default_role,
    },
    installUrl: file.links.install_url,
  };
}
