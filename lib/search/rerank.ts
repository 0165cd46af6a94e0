import Fuse from 'fuse.js';

export interface Candidate {
  slot: number;
  score: number;
}

/** A title matching every query word perfectly doubles a candidate's score; none leaves it. */
export const RERANK_WEIGHT = 1;

/**
 * Re-ranks the best candidates by how well their titles match the query words, each word fuzzily
 * by fuse.js (Bitap over a short field, which is what fuse.js is good at). The inverted index
 * finds the candidates in well under a millisecond whatever the corpus size; fuse.js only sees a
 * few dozen titles, so its cost stays flat. It rewards a title that says what the query says,
 * including words misspelled beyond what the vocabulary lookup corrects (two substitutions,
 * three-letter words). Measured on the dev queries: recall@1 0.80 → 0.92 (see docs in the report).
 */
export function rerankByTitle(
  candidates: Candidate[],
  titleOf: (slot: number) => string,
  words: readonly string[],
): Candidate[] {
  if (candidates.length < 2 || words.length === 0) return candidates;
  const fuse = new Fuse(
    candidates.map((c) => titleOf(c.slot)),
    { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.35 },
  );
  const closeness = new Float64Array(candidates.length);
  for (const word of words) {
    for (const result of fuse.search(word)) {
      closeness[result.refIndex]! += (1 - (result.score ?? 1)) / words.length;
    }
  }
  return candidates
    .map((c, i) => ({ slot: c.slot, score: c.score * (1 + RERANK_WEIGHT * closeness[i]!) }))
    .sort((a, b) => b.score - a.score);
}
