/**
 * Waymark search: a BM25F inverted index over title, summary, tags and body with typo tolerance
 * (deletion neighbourhoods + bounded Damerau-Levenshtein), prefix matching of the word being typed,
 * word associations learned from the corpus, then a re-rank of the best candidates by how much of
 * the query their titles say and by closeness in meaning (a latent semantic model of the corpus,
 * semantic/). Pure TypeScript: runs in the
 * extension's service worker and in Node (`waymark bench search`).
 *
 *   const index = buildIndex(items.map(itemToSearchDoc));
 *   index.search('outlook keeps asking for password', { filter: { role }, boost: { app, screen } });
 *   await db.put(index.toJSON());  …  const again = loadIndex(stored);
 */
import type { SearchFeatures } from './features';
import { SearchIndex } from './search-index';
import type { SearchDoc } from './types';

export { SearchIndex, APP_BOOST, SCREEN_BOOST } from './search-index';
export { DEFAULT_FEATURES, FEATURE_NAMES, type SearchFeatures } from './features';
export { loadIndex } from './load-index';
export { SERIALIZED_FORMAT, type SerializedIndex } from './serialize';
export { itemToSearchDoc, itemToSearchDocIn, stripMarkdown } from './item-to-doc';
export { searchLangOf, SEARCH_LANGS, type SearchLang } from './languages';
export type * from './types';

/** Builds an index over `docs` (a later doc with an id already seen replaces the earlier one). */
export function buildIndex(
  docs: Iterable<SearchDoc>,
  features: Partial<SearchFeatures> = {},
): SearchIndex {
  const index = new SearchIndex(undefined, undefined, 0, features);
  for (const doc of docs) index.add(doc);
  if (index.features.semantic) index.buildSemantic();
  return index;
}
