import type { PageKey } from '@/lib/i18n';
import { type Entry, format, formatNumber, type Vars } from '@/lib/i18n/format';

/**
 * The in-page UI's words. The content script carries no catalogue (it is loaded on every page of
 * every catalogue host, so its size is budgeted): the background sends it its few strings in the
 * user's language (`bg:page-strings`, the catalogues' `page.` keys) before it mounts anything.
 */
let lang = 'en';
let table: Readonly<Record<string, Entry>> = {};

export function setPageStrings(language: string, strings: Readonly<Record<string, Entry>>): void {
  lang = language;
  table = strings;
}

/** A string of the in-page UI (its key when the table lacks it, so a gap shows, never nothing). */
export function s(key: PageKey, vars?: Vars): string {
  return format(lang, table[key] ?? key, vars);
}

/** A number as the user's language writes it (the launcher's count). */
export function num(n: number): string {
  return formatNumber(lang, n);
}
