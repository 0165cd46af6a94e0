import { unpackTf } from './fields';
import type { InvertedIndex } from './inverted-index';

/** A query word is expanded only while it is this rare (share of documents): common words need no help. */
const MAX_SHARE = 0.05;
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

  constructor(private readonly index: InvertedIndex) {}

  /** Records the head words of a just-added slot (ignored until the heads are first built). */
  add(slot: number, ids: Iterable<number>): void {
    if (this.heads === undefined) return;
    const list = Int32Array.from(new Set(ids));
    this.heads[slot] = list;
    for (const id of list) this.headDf[id] = (this.headDf[id] ?? 0) + 1;
  }

  remove(slot: number): void {
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
    const { index } = this;
    const docs = index.postingDocs[term]!;
    const n = index.liveCount;
    if (docs.length === 0 || docs.length > n * MAX_SHARE) return [];
    const heads = this.heads ?? this.build();
    const headDf = this.headDf;
    const counts = new Map<number, number>();
    for (const slot of docs)
      for (const id of heads[slot] ?? [])
        if (id !== term) counts.set(id, (counts.get(id) ?? 0) + 1);
    const scored: { id: number; pmi: number }[] = [];
    for (const [id, shared] of counts) {
      if (shared < Math.max(MIN_SHARED, MIN_SHARE_OF_DOCS * docs.length)) continue;
      // log P(u in head | term in doc) / P(u in head), counts smoothed by one.
      const pmi = Math.log(((shared + 1) * n) / ((docs.length + 1) * ((headDf[id] ?? 0) + 1)));
      if (pmi > MIN_PMI) scored.push({ id, pmi });
    }
    scored.sort((a, b) => b.pmi - a.pmi || a.id - b.id);
    const best = scored[0]?.pmi ?? 1;
    return scored
      .slice(0, MAX_ASSOCIATED)
      .map(({ id, pmi }) => ({ id, weight: (ASSOCIATION_WEIGHT * pmi) / best }));
  }
}
