import { unpackTf } from './fields';
import type { InvertedIndex } from './inverted-index';
import { compare } from './top-k';

/** A query word is expanded only while it is this rare (share of documents): common words need no help. */
const MAX_SHARE = 0.05;
/** Query words whose associations are remembered (a learner refines a query word by word). */
const KNOWN_TERMS = 4096;
/** At most this many associated words per query word. */
const MAX_ASSOCIATED = 4;
/** An associated word counts at most this much of an exact hit. */
export const ASSOCIATION_WEIGHT = 0.35;
/** Heads (title + summary) sharing both words needed before an association is believed. */
const MIN_SHARED = 3;
/** …and at least this share of the documents containing the query word. */
const MIN_SHARE_OF_DOCS = 0.2;
/** How many times likelier than in any head, as a natural log: e^1.5 ≈ 4.5×. */
const MIN_PMI = 1.5;

/**
 * Words of titles and summaries per document ("heads"): what an article is about, in the
 * corpus' own words. Derived from the postings on first use (a loaded index does not store
 * them), then kept up to date by `add` and `remove`.
 */
export class Heads {
  private heads: Int32Array[] | undefined;
  /** Per term id: in how many heads it is. */
  private headDf: number[] = [];
  private counts = new Int32Array(0);
  /** Associations already worked out, per term id; emptied by any change to the heads. */
  private readonly known = new Map<number, { id: number; weight: number }[]>();

  constructor(private readonly index: InvertedIndex) {}

  /** The head words of `slot` (term ids), once the heads are built. */
  of(slot: number): Int32Array | undefined {
    return (this.heads ?? this.build())[slot];
  }

  /** Records the head words of a just-added slot (ignored until the heads are first built). */
  add(slot: number, ids: Iterable<number>): void {
    this.known.clear();
    if (this.heads === undefined) return;
    const list = Int32Array.from(new Set(ids));
    this.heads[slot] = list;
    for (const id of list) this.headDf[id] = (this.headDf[id] ?? 0) + 1;
  }

  remove(slot: number): void {
    this.known.clear();
    const list = this.heads?.[slot];
    if (list === undefined) return;
    for (const id of list) this.headDf[id]! -= 1;
    this.heads![slot] = new Int32Array(0);
  }

  /** Builds the heads now rather than at the first query that needs them. */
  warm(): void {
    this.heads ??= this.build();
  }

  private build(): Int32Array[] {
    const { index } = this;
    const lists: number[][] = Array.from({ length: index.slotCount }, () => []);
    const df = new Array<number>(index.terms.length).fill(0);
    for (let id = 0; id < index.terms.length; id++) {
      const docs = index.postingDocs[id]!;
      const tfs = index.postingTfs[id]!;
      for (let i = 0; i < docs.length; i++) {
        if (unpackTf(tfs[i]!, 0) + unpackTf(tfs[i]!, 1) === 0) continue;
        lists[docs[i]!]!.push(id);
        df[id]!++;
      }
    }
    this.headDf = df;
    return (this.heads = lists.map((l) => Int32Array.from(l)));
  }

  /**
   * Words that the heads of documents containing `term` (anywhere) use far more often than heads
   * in general (pointwise mutual information): "iphone" → "mobile", "spreadsheet" → "excel".
   * Each with a weight in (0, ASSOCIATION_WEIGHT].
   */
  associated(term: number): { id: number; weight: number }[] {
    let found = this.known.get(term);
    if (found === undefined) {
      if (this.known.size >= KNOWN_TERMS) this.known.clear();
      this.known.set(term, (found = this.compute(term)));
    }
    return found;
  }

  private compute(term: number): { id: number; weight: number }[] {
    const { index } = this;
    const docs = index.postingDocs[term]!;
    const n = index.liveCount;
    if (docs.length === 0 || docs.length > n * MAX_SHARE) return [];
    const heads = this.heads ?? this.build();
    const headDf = this.headDf;
    // Counted in a reused typed array with a list of the ids touched: no Map per query word.
    if (this.counts.length < index.terms.length)
      this.counts = new Int32Array(index.terms.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const slot of docs)
      for (const id of heads[slot] ?? []) if (counts[id]!++ === 0) touched.push(id);
    const needed = Math.max(MIN_SHARED, MIN_SHARE_OF_DOCS * docs.length);
    const scored: { id: number; pmi: number }[] = [];
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      if (id === term || shared < needed) continue;
      // log P(u in head | term in doc) / P(u in head), counts smoothed by one.
      const pmi = Math.log(((shared + 1) * n) / ((docs.length + 1) * ((headDf[id] ?? 0) + 1)));
      if (pmi > MIN_PMI) scored.push({ id, pmi });
    }
    // Ties go by the word, not its id: a loaded index numbers its terms in another order than the
    // one built document by document, and both must answer alike.
    scored.sort((a, b) => b.pmi - a.pmi || compare(index.terms[a.id]!, index.terms[b.id]!));
    const best = scored[0]?.pmi ?? 1;
    return scored
      .slice(0, MAX_ASSOCIATED)
      .map(({ id, pmi }) => ({ id, weight: (ASSOCIATION_WEIGHT * pmi) / best }));
  }
}
