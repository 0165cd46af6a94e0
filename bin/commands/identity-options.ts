import { createHash } from 'node:crypto';
import {
  IdentityConfigError,
  identityConfig,
  readIdentityFile,
  type IdentityConfig,
} from '@/server/identity/config';
import { UsageError } from '../io';

/** The `serve` options that configure sign-in and provisioning (README "Sign-in"). */
export const identityOptions = {
  config: { type: 'string' },
  'oidc-issuer': { type: 'string' },
  'oidc-audience': { type: 'string' },
  'oidc-client-id': { type: 'string' },
  'oidc-name': { type: 'string' },
} as const;

export type IdentityValues = Partial<Record<keyof typeof identityOptions, string>>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The identity config from `--config FILE`, the `--oidc-*` flags over it, and the SCIM token
 * from WAYMARK_SCIM_TOKEN (an environment variable, so it is not in `ps` or shell history).
 */
export function identityFromOptions(
  values: IdentityValues,
  env: NodeJS.ProcessEnv,
): IdentityConfig {
  try {
    const file = values.config === undefined ? undefined : readIdentityFile(values.config);
    return identityConfig(
      file,
      {
        issuer: values['oidc-issuer'],
        audience: values['oidc-audience'],
        clientId: values['oidc-client-id'],
        name: values['oidc-name'],
        scimToken: env.WAYMARK_SCIM_TOKEN,
      },
      sha256,
    );
  } catch (error) {
    if (error instanceof IdentityConfigError) throw new UsageError(error.message);
    throw error;
  }
}
