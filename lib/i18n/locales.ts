/**
 * The languages Waymark's own UI ships in, each named in itself (a language picker lists them so),
 * with its writing direction. Adding one: CONTRIBUTING "Add a UI string / a language".
 */
export const uiLocales = {
  en: { name: 'English', dir: 'ltr' },
  de: { name: 'Deutsch', dir: 'ltr' },
  fr: { name: 'Français', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
} as const;

export type UiLocale = keyof typeof uiLocales;
export type Dir = 'ltr' | 'rtl';
/** What the user picked in the options: a language, or the browser's (`auto`, the default). */
export type LocaleChoice = UiLocale | 'auto';

export const DEFAULT_LOCALE: UiLocale = 'en';
/** The `storage.local` key of the user's choice (per browser profile: shared machines pick). */
export const LOCALE_KEY = 'uiLocale';

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && Object.hasOwn(uiLocales, value);
}

/** A stored choice, checked: anything else (an old or damaged value) is the browser's language. */
export function parseChoice(value: unknown): LocaleChoice {
  return isUiLocale(value) ? value : 'auto';
}

/**
 * The UI language for a choice: the picked one, or the first of the browser's languages (BCP 47
 * tags, `de-AT`, `ar-EG`) whose language Waymark ships, else English.
 */
export function resolveLocale(choice: LocaleChoice, browserLanguages: readonly string[]): UiLocale {
  if (choice !== 'auto') return choice;
  for (const tag of browserLanguages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (isUiLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

export function dirOf(locale: UiLocale): Dir {
  return uiLocales[locale].dir;
}
