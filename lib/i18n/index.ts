import ar from './catalogues/ar.json';
import de from './catalogues/de.json';
import en from './catalogues/en.json';
import fr from './catalogues/fr.json';
import { type Entry, format, type Vars } from './format';
import { dirOf, type UiLocale } from './locales';

export * from './format';
export * from './locales';

/** Every UI string's key: English is the source catalogue, the others translate it. */
export type MessageKey = keyof typeof en;
/** The keys the in-page UI uses: the background sends it these, in the user's language. */
export type PageKey = Extract<MessageKey, `page.${string}`>;
export type Catalogue = Readonly<Record<string, Entry>>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const catalogues: Readonly<Record<UiLocale, Catalogue>> = { en, de, fr, ar };

/** `t(key, vars)` in `locale`; a key a catalogue lacks falls back to English, never to nothing. */
export function translator(locale: UiLocale): Translate {
  const own = catalogues[locale];
  return (key, vars) => format(locale, own[key] ?? catalogues.en[key], vars);
}

/** What the in-page UI needs: its strings (the `page.` entries) in `locale`, and the direction. */
export function pageStrings(locale: UiLocale): {
  lang: UiLocale;
  dir: 'ltr' | 'rtl';
  strings: Catalogue;
} {
  const strings: Record<string, Entry> = {};
  for (const key of Object.keys(catalogues.en))
    if (key.startsWith('page.')) strings[key] = catalogues[locale][key] ?? catalogues.en[key]!;
  return { lang: locale, dir: dirOf(locale), strings };
}
