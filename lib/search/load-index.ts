import { DocStore } from './doc-store';
import type { SearchFeatures } from './features';
import { FIELD_COUNT } from './fields';
import { InvertedIndex } from './inverted-index';
import { searchLangOf } from './languages';
import { SearchIndex } from './search-index';
import { SERIALIZED_FORMAT, type SerializedIndex } from './serialize';
import { VarintReader } from './varint';
import { TermVectors } from './semantic/term-vectors';

/** The format before the semantic model: the same payload without `semantic`. */
const FORMAT_1 = 'waymark-search@1';
/** The format before analysis languages: every document was analysed as English. */
const FORMAT_2 = 'waymark-search@2';

/**
 * Rebuilds a SearchIndex from `serialize` output; throws on a foreign or corrupt payload. A
 * version 1 index (stored before the semantic model) loads as it is, without a model: it is
 * `semanticStale`, so the next snapshot builds and stores one (lib/sync). A version 2 index has
 * no languages: each of its documents was analysed as English, which is what a missing language
 * means, so it loads as it is too.
 */
export function loadIndex(
  data: SerializedIndex,
  features: Partial<SearchFeatures> = {},
): SearchIndex {
  const format = (data as { format?: unknown }).format;
  if (format !== SERIALIZED_FORMAT && format !== FORMAT_1 && format !== FORMAT_2)
    throw new Error(`not a ${SERIALIZED_FORMAT} index`);
  const index = new InvertedIndex();
  const store = new DocStore();
  const lengths = new VarintReader(data.lengths);
  data.docs.forEach(([id, title, summary, excerpt, type, apps, screens, roles, teams, l], slot) => {
    const row: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) row.push(lengths.read());
    index.pushLengths(row);
    store.putStored(slot, {
      id,
      title,
      summary,
      excerpt,
      type,
      targeting: [apps, screens, roles, teams],
      lang: l === undefined ? undefined : searchLangOf(l),
    });
  });
  const postings = new VarintReader(data.postings);
  for (const term of data.terms) {
    const id = index.termId(term);
    const count = postings.read();
    const docs = new Array<number>(count);
    const tfs = new Array<number>(count);
    let slot = 0;
    for (let i = 0; i < count; i++) {
      slot += postings.read();
      docs[i] = slot;
      tfs[i] = postings.read();
    }
    index.postingDocs[id] = docs;
    index.postingTfs[id] = tfs;
  }
  const vectors =
    format === FORMAT_1 || data.semantic === undefined
      ? undefined
      : TermVectors.fromJSON(data.semantic);
  return new SearchIndex(index, store, data.terms.length, features, vectors);
}
