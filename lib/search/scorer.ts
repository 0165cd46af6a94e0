import type { Heads } from './associations';
import { FEEDBACK_DOCS, feedbackVariants } from './feedback';
import type { InvertedIndex } from './inverted-index';
import type { Variant } from './matcher';
import { TopK } from './top-k';

/**
 * Sums BM25F scores per document over the query words, each word counting its best variant
 * (exact, typo, completion, association) once. Reuses its score arrays from query to query: a
 * search allocates nothing per document.
 */
export class Scorer {
  private best = new Float64Array(0);
  private total = new Float64Array(0);

  constructor(private readonly index: InvertedIndex) {}

  /** Adds each word's best variant score to the totals; returns the documents touched. */
  accumulate(
    perWord: readonly Variant[][],
    matched: Set<string>,
    touched: number[] = [],
  ): number[] {
    const slots = this.index.slotCount;
    if (this.best.length < slots) {
      this.best = new Float64Array(slots * 2);
      this.total = new Float64Array(slots * 2);
    }
    const wordTouched: number[] = [];
    for (const variants of perWord) {
      wordTouched.length = 0;
      for (const { id, weight } of variants) {
        this.index.scoreTerm(id, weight, this.best, wordTouched);
        matched.add(this.index.terms[id]!);
      }
      for (const slot of wordTouched) {
        if (this.total[slot] === 0) touched.push(slot);
        this.total[slot]! += this.best[slot]!;
        this.best[slot] = 0;
      }
    }
    return touched;
  }

  /** The total of `slot`, cleared for the next query. */
  take(slot: number): number {
    const score = this.total[slot]!;
    this.total[slot] = 0;
    return score;
  }

  /**
   * Pseudo-relevance feedback (feedback.ts): the head words shared by the first visible results
   * are added to the totals as low-weight query words.
   */
  feedback(
    touched: number[],
    typed: ReadonlySet<number>,
    heads: Heads,
    keyOf: (slot: number) => string,
    visible: (slot: number) => boolean,
  ): void {
    const top = new TopK(FEEDBACK_DOCS, keyOf);
    for (const slot of touched) if (visible(slot)) top.push(slot, this.total[slot]!);
    const firsts = top.result().map(({ slot, score }) => ({ score, head: heads.of(slot) ?? [] }));
    const extra = feedbackVariants(this.index, firsts, typed);
    this.accumulate(
      extra.map((v) => [v]),
      new Set(),
      touched,
    );
  }
}
