import type { Item } from '@/lib/content-model';
import { searchLangOf, type SearchHit, type SearchLang } from '@/lib/search';

/** The learner's language (the extension's UI language) and the organisation's default. */
export interface LanguagePreference {
  user: string;
  orgDefault: string;
}

type Versioned = Pick<Item, 'id' | 'locale' | 'translation_of'>;

/** The one logical item a version belongs to: its source's id. */
export const groupOf = (item: Versioned): string => item.translation_of ?? item.id;

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * How well a version suits the learner, higher is better: their exact language tag, then their
 * language ("de-AT" for "de"), then the organisation's default (exactly, then by language), then
 * any other. An item without `locale` is in the organisation's default.
 */
export function suitability(item: Versioned, pref: LanguagePreference): number {
  const tag = (item.locale ?? pref.orgDefault).toLowerCase();
  if (tag === pref.user.toLowerCase()) return 5;
  if (primary(tag) === primary(pref.user)) return 4;
  if (tag === pref.orgDefault.toLowerCase()) return 3;
  if (primary(tag) === primary(pref.orgDefault)) return 2;
  return 1;
}

/** The better of two versions of one item: more suitable, then the source, then the lower id. */
function better<T extends Versioned>(a: T, b: T, pref: LanguagePreference): T {
  const d = suitability(a, pref) - suitability(b, pref);
  if (d !== 0) return d > 0 ? a : b;
  if ((a.translation_of === undefined) !== (b.translation_of === undefined))
    return a.translation_of === undefined ? a : b;
  return a.id < b.id ? a : b;
}

/**
 * Per logical item, the version this learner sees (`chosen`, by group id), and the ids of every
 * other version (`hidden`): lists and search never show two versions of one item side by side.
 */
export function chooseVersions<T extends Versioned>(
  items: readonly T[],
  pref: LanguagePreference,
): { chosen: Map<string, T>; hidden: Set<string> } {
  const chosen = new Map<string, T>();
  for (const item of items) {
    const group = groupOf(item);
    const current = chosen.get(group);
    chosen.set(group, current === undefined ? item : better(current, item, pref));
  }
  const shown = new Set([...chosen.values()].map((item) => item.id));
  return { chosen, hidden: new Set(items.map((i) => i.id).filter((id) => !shown.has(id))) };
}

/** `items` with only the learner's version of each logical item, in their order. */
export function inUserLanguage<T extends Versioned>(
  items: readonly T[],
  pref: LanguagePreference,
): T[] {
  const { hidden } = chooseVersions(items, pref);
  return hidden.size === 0 ? [...items] : items.filter((item) => !hidden.has(item.id));
}

/** The languages a query is read in: the learner's, then the organisation's default. */
export function queryLangs(pref: LanguagePreference): SearchLang[] {
  return [...new Set([searchLangOf(pref.user), searchLangOf(pref.orgDefault)])];
}

/**
 * Search hits with each other-language version replaced by the learner's version of the same
 * item (without highlights: they marked the other text), keeping the best-ranked place of each.
 */
export function inLearnerVersions(
  hits: readonly SearchHit[],
  versions: ReadonlyMap<string, string>,
): SearchHit[] {
  if (versions.size === 0) return [...hits];
  const seen = new Set<string>();
  const out: SearchHit[] = [];
  for (const hit of hits) {
    const id = versions.get(hit.id) ?? hit.id;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id === hit.id ? hit : { id, score: hit.score, title: '', highlights: [] });
  }
  return out;
}
