import { z } from 'zod';

/**
 * The signed-in account: the content server (or static feed) URL and its token, in
 * `storage.local` — the extension's own storage, never readable by pages, never synced to other
 * devices. What the organisation presets by policy comes from `storage.managed`.
 */
const accountSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().max(500),
  me: z.object({ email: z.string(), role: z.string(), team: z.string().nullable() }).optional(),
});
export type Account = z.infer<typeof accountSchema>;

export async function readAccount(): Promise<Account | undefined> {
  const { account } = await browser.storage.local.get('account');
  const parsed = accountSchema.safeParse(account);
  return parsed.success ? parsed.data : undefined;
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
