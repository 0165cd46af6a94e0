interface GeckoManifest {
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { optional?: string[] } };
  };
}

/**
 * In Firefox (140+), the user's built-in data-collection consent for what usage events carry
 * (wxt.config.ts declares the categories, lib/insights/event-types.ts lists them). Must run in the
 * click handler: the browser only prompts for a user gesture. True elsewhere: Chrome has no such
 * consent, and an older Firefox without the API has nothing to ask.
 */
export async function requestDataConsent(): Promise<boolean> {
  const manifest = browser.runtime.getManifest() as GeckoManifest;
  const optional = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional;
  if (optional === undefined || optional.length === 0) return true;
  try {
    // Firefox's Permissions type has `data_collection`; Chrome's (which WXT types) does not.
    const permissions = { data_collection: optional } as Parameters<
      typeof browser.permissions.request
    >[0];
    return await browser.permissions.request(permissions);
  } catch {
    return true;
  }
}
