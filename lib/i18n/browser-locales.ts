import { catalogues } from './index';
import { uiLocales, type UiLocale } from './locales';

/** The manifest's own words (name, description, command names) as `__MSG_…__` references. */
export const MANIFEST_MESSAGES = {
  name: 'manifest_name',
  description: 'manifest_description',
  openSearch: 'manifest_openSearch',
  focusPage: 'manifest_focusPage',
} as const;

/**
 * The browser's `_locales/<lang>/messages.json` for each UI language, generated from the same
 * catalogues (their `manifest.` keys) at build time, so the manifest is never translated twice.
 * The browser picks the one for its UI language, English when it has none.
 */
export function browserLocaleFiles(): { relativeDest: string; contents: string }[] {
  return (Object.keys(uiLocales) as UiLocale[]).map((locale) => {
    const messages: Record<string, { message: string }> = {};
    for (const [field, name] of Object.entries(MANIFEST_MESSAGES)) {
      const entry = catalogues[locale][`manifest.${field}`];
      if (typeof entry !== 'string') throw new Error(`${locale}: manifest.${field} is missing`);
      messages[name] = { message: entry };
    }
    return {
      relativeDest: `_locales/${locale}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}
