import type { QueryWord } from './query';
import { wordInTitle, type TitleWords } from './title-match';

export interface Candidate {
  slot: number;
  score: number;
}

/** A title matching every query word perfectly doubles a candidate's score; none leaves it. */
export const RERANK_WEIGHT = 1;

/**
 * Re-ranks the best candidates by how much of the query their titles say: each query word's best
 * match among the title's words (same stem, a compound spelt by adjacent words, a prefix, a
 * typo; title-match.ts), averaged over the query words. It rewards a title that says what the
 * query says, including words misspelled beyond what the vocabulary lookup corrects. It replaced
 * a fuse.js Bitap re-rank with the same recall on every development set at a fraction of the
 * cost (no Fuse instance, no search per query word; docs/adr/0003-search.md).
 */
export function rerankByTitle(
  candidates: Candidate[],
  titleOf: (slot: number) => TitleWords,
  words: readonly QueryWord[],
): Candidate[] {
  if (candidates.length < 2 || words.length === 0) return candidates;
  const memos = words.map(() => new Map<string, number>());
  return candidates
    .map((c) => {
      const title = titleOf(c.slot);
      let closeness = 0;
      words.forEach((word, i) => (closeness += wordInTitle(word, title, memos[i])));
      return { slot: c.slot, score: c.score * (1 + (RERANK_WEIGHT * closeness) / words.length) };
    })
    .sort((a, b) => b.score - a.score);
}
