import { fetchAuthConfig, revokeAtProvider, signInWithProvider } from '@/lib/auth/session';
import { SignInError } from '@/lib/auth/pkce';
import type { ConnectResult, ProviderView } from '@/lib/messages';
import { readAccount, readManaged } from './account';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
const fetchFn: Fetch = (url, init) => globalThis.fetch(url, init);

/** What sync's `connect` needs to save a provider sign-in like a pasted token. */
export type Connect = (
  serverUrl: string,
  token: string,
  previous: 'keep' | 'discard' | undefined,
  oidc: NonNullable<Awaited<ReturnType<typeof signInWithProvider>>['state']>,
) => Promise<ConnectResult>;

/**
 * Sign-in through the organisation's identity provider, run by the background only: the
 * provider's page opens in the browser's own auth window (identity.launchWebAuthFlow, Chromium
 * and Firefox alike), the code comes back to the background, and the tokens never reach a page,
 * a content script or the options page.
 */
export function createProviderSignIn(account: { view: () => Promise<ConnectResult['account']> }) {
  const serverOf = async (serverUrl: string) => (await readManaged()).serverUrl ?? serverUrl;

  async function provider(serverUrl: string): Promise<ProviderView> {
    try {
      const config = await fetchAuthConfig(await serverOf(serverUrl), fetchFn);
      return config === undefined ? { available: false } : { available: true, name: config.name };
    } catch {
      return { available: false };
    }
  }

  async function signIn(
    serverUrl: string,
    previous: 'keep' | 'discard' | undefined,
    connect: Connect,
  ): Promise<ConnectResult> {
    const url = await serverOf(serverUrl);
    try {
      const config = await fetchAuthConfig(url, fetchFn);
      if (config === undefined) throw new SignInError('this server has no identity provider');
      const { session, state } = await signInWithProvider(config, {
        fetch: fetchFn,
        now: Date.now,
        redirectUri: browser.identity.getRedirectURL(),
        launch: async (authUrl) => {
          const answer = await browser.identity.launchWebAuthFlow({
            url: authUrl,
            interactive: true,
          });
          if (answer === undefined) throw new Error('the browser returned no answer');
          return answer;
        },
      });
      return await connect(url, session.accessToken, previous, state);
    } catch (error) {
      if (!(error instanceof SignInError)) console.warn('Waymark: sign-in failed', error);
      const message =
        error instanceof SignInError
          ? `Sign-in did not finish: ${error.message}`
          : 'Sign-in did not finish: the server or the identity provider could not be reached, or the provider does not allow this extension’s origin (CORS; see docs/sign-in.md)';
      return { ok: false, message, account: await account.view() };
    }
  }

  /** Revokes the refresh token at the provider before the account is forgotten. */
  async function revoke(): Promise<void> {
    const oidc = (await readAccount())?.oidc;
    if (oidc !== undefined) await revokeAtProvider(oidc, fetchFn);
  }

  return { provider, signIn, revoke };
}
