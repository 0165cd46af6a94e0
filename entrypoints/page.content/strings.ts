import type { PageKey } from '@/lib/i18n';
import { type Entry, format, formatNumber, type Vars } from '@/lib/i18n/format';

/**
 * The in-page UI's words. The content script carries no catalogue (it is loaded on every page of
 * every catalogue host, so its size is budgeted): the background sends it its few strings in the
 * user's language (`bg:page-strings`, the catalogues' `page.` keys) before it mounts anything.
 * They live on the isolated world's global object (which the page cannot see), so the lazily
 * loaded parts (launcher menu, authors' tools: bundles of their own) read the same table.
 */
interface PageStrings {
  lang: string;
  table: Readonly<Record<string, Entry>>;
}
const KEY = '__waymarkPageStrings';
const scope = globalThis as unknown as Record<string, PageStrings | undefined>;

export function setPageStrings(lang: string, table: Readonly<Record<string, Entry>>): void {
  scope[KEY] = { lang, table };
}

const current = (): PageStrings => scope[KEY] ?? { lang: 'en', table: {} };

/** A string of the in-page UI (its key when the table lacks it, so a gap shows, never nothing). */
export function s(key: PageKey, vars?: Vars): string {
  const { lang, table } = current();
  return format(lang, table[key] ?? key, vars);
}

/** A number as the user's language writes it (the launcher's count). */
export function num(n: number): string {
  return formatNumber(current().lang, n);
}
