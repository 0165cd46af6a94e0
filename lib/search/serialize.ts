import { FIELD_COUNT } from './fields';
import type { SearchLang } from './languages';
import type { SearchIndex } from './search-index';
import { compare } from './top-k';
import { VarintWriter } from './varint';
import type { SerializedTermVectors } from './semantic/term-vectors';

/**
 * Version 2 added the semantic model; version 3 each document's analysis language (a tenth
 * element of its row, absent for English). Versions 1 and 2 still load (load-index.ts).
 */
export const SERIALIZED_FORMAT = 'waymark-search@3';

/**
 * The persisted index: plain JSON (strings and arrays), so it survives JSON and structured
 * clone into IndexedDB. Only live documents are written, renumbered densely; terms are sorted, so
 * prefix lookup needs no sort after loading; postings and lengths are varint/base64.
 */
export interface SerializedIndex {
  format: typeof SERIALIZED_FORMAT;
  /** Per document: [id, title, summary, body excerpt, type, apps, screens, roles, teams, lang?]. */
  docs: SerializedDoc[];
  /** FIELD_COUNT lengths per document. */
  lengths: string;
  terms: string[];
  /** Per term (in `terms` order): posting count, then (document delta, packed tf) pairs. */
  postings: string;
  /** The semantic model's term vectors (semantic/term-vectors.ts), when one was built. */
  semantic?: SerializedTermVectors;
}

export type SerializedDoc =
  | [string, string, string, string, string, string[], string[], string[], string[]]
  | [string, string, string, string, string, string[], string[], string[], string[], SearchLang];

/** Serialising yields (see `serializeInSteps`) after about this many documents or terms. */
const STEP = 2000;

export function serialize(search: SearchIndex): SerializedIndex {
  const steps = serializeInSteps(search);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * `serialize` in slices: a generator that pauses every STEP documents or terms, so a caller can
 * let searches run between slices (a 10k-item index takes about a second in one go). The index
 * must not change until it is done (`SearchIndex.persistable` checks that).
 */
export function* serializeInSteps(search: SearchIndex): Generator<void, SerializedIndex> {
  const { index, store } = search;
  const renumber = new Map<number, number>();
  const docs: SerializedIndex['docs'] = [];
  const lengths = new VarintWriter();
  for (let slot = 0; slot < index.slotCount; slot++) {
    if (!index.isLive(slot)) continue;
    renumber.set(slot, docs.length);
    const [apps = [], screens = [], roles = [], teams = []] = store.targeting[slot]!;
    const lang = store.langs[slot];
    const row = [
      store.ids[slot]!,
      store.titles[slot]!,
      store.summaries[slot]!,
      store.excerpts[slot]!,
      store.types[slot] ?? '',
      apps,
      screens,
      roles,
      teams,
    ] as const;
    docs.push(lang === undefined ? [...row] : [...row, lang]);
    for (let f = 0; f < FIELD_COUNT; f++) lengths.write(index.lengths[slot * FIELD_COUNT + f]!);
    if (slot % STEP === STEP - 1) yield;
  }
  const ids = index.terms.map((_, id) => id).filter((id) => index.df(id) > 0);
  ids.sort((a, b) => compare(index.terms[a]!, index.terms[b]!));
  const postings = new VarintWriter();
  for (const [n, id] of ids.entries()) {
    if (n % STEP === STEP - 1) yield;
    const docsOf = index.postingDocs[id]!;
    const tfs = index.postingTfs[id]!;
    postings.write(docsOf.length);
    let previous = 0;
    docsOf.forEach((slot, i) => {
      const dense = renumber.get(slot)!;
      postings.write(dense - previous);
      postings.write(tfs[i]!);
      previous = dense;
    });
  }
  return {
    format: SERIALIZED_FORMAT,
    docs,
    lengths: lengths.toBase64(),
    terms: ids.map((id) => index.terms[id]!),
    postings: postings.toBase64(),
    ...(search.vectors === undefined ? {} : { semantic: search.vectors.toJSON() }),
  };
}
