import type { Store, User } from '../store';
import type { GroupAssigner } from '../store/identity-types';
import type { IdentityConfig, OidcConfig } from './config';
import { groupAssigner } from './groups';
import { OidcVerifier, TokenRejectedError } from './verify';

/** What `GET /v1/auth/config` tells the extension: enough to run the code flow with PKCE. */
export interface AuthConfigBody {
  issuer: string;
  name: string;
  client_id: string;
  scopes: string[];
  resource: string | null;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string | null;
}

/**
 * Sign-in through the identity provider: a verified access token becomes a Waymark user (made
 * just in time when the config allows, role and team from the groups claim). Every request
 * asks the store again, so a user disabled by SCIM or the CLI is refused at once.
 */
export class SignInService {
  readonly verifier: OidcVerifier;
  readonly assign: GroupAssigner;

  constructor(
    private readonly store: Store,
    private readonly oidc: OidcConfig,
    identity: IdentityConfig,
  ) {
    this.verifier = new OidcVerifier(oidc, store.now);
    this.assign = groupAssigner(identity.groups);
  }

  /** The provider's name as people know it ("Sign in with <name>"). */
  get name(): string {
    return this.oidc.name;
  }

  /** The user the token names, or the reason it is refused (a 401's message). */
  async userFor(token: string): Promise<User | string> {
    let claims;
    try {
      claims = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRejectedError) return error.message;
      throw error;
    }
    const outcome = await this.store.signIn(claims, this.assign, {
      create: this.oidc.create_users,
    });
    return outcome.ok ? outcome.user : outcome.message;
  }

  async authConfig(): Promise<AuthConfigBody> {
    const found = await this.verifier.discover();
    return {
      issuer: this.oidc.issuer,
      name: this.oidc.name,
      client_id: this.oidc.client_id,
      scopes: this.oidc.scopes,
      resource: this.oidc.resource ?? null,
      authorization_endpoint: found.authorization_endpoint,
      token_endpoint: found.token_endpoint,
      revocation_endpoint: found.revocation_endpoint ?? null,
    };
  }
}
