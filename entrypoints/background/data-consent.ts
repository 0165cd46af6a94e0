import { firefoxDataCategories, type FirefoxDataCategory } from '@/lib/insights';

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
}

const isCategory = (value: unknown): value is FirefoxDataCategory =>
  firefoxDataCategories.some((category) => category === value);

/**
 * Firefox's built-in data-collection consent (Firefox 140+): the categories the user granted, for
 * the collection policy to honour. Undefined in a browser without it (Chrome, older Firefox), where
 * the organisation's policy and the user's own switch decide alone.
 * https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 */
export async function browserDataConsent(): Promise<Set<FirefoxDataCategory> | undefined> {
  const manifest = browser.runtime.getManifest() as GeckoManifest;
  if (manifest.browser_specific_settings?.gecko?.data_collection_permissions === undefined)
    return undefined;
  try {
    const granted = (await browser.permissions.getAll()) as { data_collection?: unknown };
    if (!Array.isArray(granted.data_collection)) return undefined;
    return new Set(granted.data_collection.filter(isCategory));
  } catch {
    return undefined;
  }
}
