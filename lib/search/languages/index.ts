import { stem as englishStem } from '../stem';
import { STOP_WORDS } from '../stop-words';
import { ARABIC_STOP_WORDS, arabicStem, normaliseArabic } from './arabic';
import { cutElision, FRENCH_STOP_WORDS, frenchStem } from './french';
import { GERMAN_STOP_WORDS, germanStem } from './german';

/** The languages search analyses on their own terms; any other language is read as English. */
export const SEARCH_LANGS = ['en', 'de', 'fr', 'ar'] as const;
export type SearchLang = (typeof SEARCH_LANGS)[number];

/** How one language turns a raw word (already cut out by the tokeniser) into its index key. */
export interface LanguageRules {
  /** Before folding: French cuts elided articles ("l'", "qu'"). */
  before?: (raw: string) => string;
  /** After folding: Arabic normalises alef, alef maksura and teh marbuta. */
  normalise?: (folded: string) => string;
  stopWords: ReadonlySet<string>;
  stem: (word: string) => string;
}

export const LANGUAGE_RULES: Readonly<Record<SearchLang, LanguageRules>> = {
  en: { stopWords: STOP_WORDS, stem: englishStem },
  de: { stopWords: GERMAN_STOP_WORDS, stem: germanStem },
  fr: { before: cutElision, stopWords: FRENCH_STOP_WORDS, stem: frenchStem },
  ar: { normalise: normaliseArabic, stopWords: ARABIC_STOP_WORDS, stem: arabicStem },
};

/**
 * The analysis for a BCP 47 tag: its primary language subtag when search knows it ("de-AT" →
 * de), English otherwise (how every item was analysed before content carried a locale).
 */
export function searchLangOf(locale: string | undefined): SearchLang {
  const primary = locale?.split(/[-_]/)[0]?.toLowerCase();
  return (SEARCH_LANGS as readonly string[]).includes(primary ?? '')
    ? (primary as SearchLang)
    : 'en';
}
