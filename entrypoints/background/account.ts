import { z } from 'zod';
import { SignInError } from '@/lib/auth/pkce';
import { oidcStateSchema, refreshIfDue } from '@/lib/auth/session';

/**
 * The signed-in account: the content server (or static feed) URL and its token, in
 * `storage.local` — the extension's own storage, never readable by pages, never synced to other
 * devices. What the organisation presets by policy comes from `storage.managed`.
 */
const accountSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** An opaque token, or the access token from the organisation's identity provider. */
  token: z.string().max(16_000),
  me: z.object({ email: z.string(), role: z.string(), team: z.string().nullable() }).optional(),
  /** Present when signed in through the identity provider: how to refresh and revoke. */
  oidc: oidcStateSchema.optional(),
});
export type Account = z.infer<typeof accountSchema>;

async function storedAccount(): Promise<Account | undefined> {
  const { account } = await browser.storage.local.get('account');
  const parsed = accountSchema.safeParse(account);
  return parsed.success ? parsed.data : undefined;
}

let refreshing: Promise<Account | undefined> | undefined;

/**
 * The account, its access token refreshed first when it is about to expire (one refresh at a
 * time, however many callers ask). A refused refresh (the provider disabled the user, or the
 * refresh token expired) leaves the account as it is: the server then answers 401 and the
 * options page asks the learner to sign in again.
 */
export async function readAccount(): Promise<Account | undefined> {
  const account = await storedAccount();
  if (account?.oidc === undefined) return account;
  const { oidc } = account;
  refreshing ??= refreshIfDue(oidc, account.me?.email, {
    fetch: (url, init) => globalThis.fetch(url, init),
    now: Date.now,
  })
    .then(async (fresh) => {
      if (fresh === undefined) return account;
      const next = { ...account, token: fresh.accessToken, oidc: fresh.state };
      await saveAccount(next);
      return next;
    })
    .catch(async (error: unknown) => {
      console.warn('Waymark: could not refresh the sign-in', error);
      if (!(error instanceof SignInError)) return account;
      // Refused for good (disabled, or the refresh token expired): forget the refresh token so
      // every later read does not ask the provider again; the learner signs in again.
      const next = { ...account, oidc: { ...oidc, refreshToken: undefined } };
      await saveAccount(next);
      return next;
    })
    .finally(() => (refreshing = undefined));
  return refreshing;
}

export async function saveAccount(account: Account): Promise<void> {
  await browser.storage.local.set({ account: accountSchema.parse(account) });
}

export async function forgetAccount(): Promise<void> {
  await browser.storage.local.remove('account');
}

const managedSchema = z.object({
  serverUrl: z.string().optional(),
  team: z.string().optional(),
  syncIntervalMinutes: z.number().int().min(5).max(1440).optional(),
});

/** Policy values (chrome.storage.managed); absent when no policy is set or the area is missing. */
export async function readManaged(): Promise<{
  serverUrl?: string;
  team?: string;
  syncIntervalMinutes?: number;
}> {
  try {
    const parsed = managedSchema.safeParse(
      await browser.storage.managed.get(['serverUrl', 'team', 'syncIntervalMinutes']),
    );
    if (!parsed.success) return {};
    const { serverUrl, team, syncIntervalMinutes } = parsed.data;
    return {
      ...(serverUrl ? { serverUrl } : {}),
      ...(team ? { team } : {}),
      ...(syncIntervalMinutes ? { syncIntervalMinutes } : {}),
    };
  } catch {
    return {};
  }
}
