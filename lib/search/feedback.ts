import { idf } from './fields';
import type { InvertedIndex } from './inverted-index';
import type { Variant } from './matcher';
import { compare } from './top-k';

/** Documents the feedback reads: the first few are usually on the query's topic. */
export const FEEDBACK_DOCS = 5;
/** Terms added to the query. */
export const FEEDBACK_TERMS = 6;
/** What an added term counts, at most, next to a word the user typed. */
export const FEEDBACK_WEIGHT = 0.25;

/**
 * Pseudo-relevance feedback (RM3-like, bounded): the words that the titles and summaries of the
 * first results share, weighted by each result's score and the word's rarity, become low-weight
 * extra query words. It lets a query in the user's words ("empty pages") reach the articles that
 * use the corpus' words ("blank pages") when the first pass already found some of them.
 */
export function feedbackVariants(
  index: InvertedIndex,
  top: readonly { score: number; head: Iterable<number> }[],
  queryTerms: ReadonlySet<number>,
): Variant[] {
  const best = top[0]?.score ?? 0;
  if (best <= 0) return [];
  const weight = new Map<number, number>();
  const seenIn = new Map<number, number>();
  const maxDf = Math.max(2, index.liveCount * 0.05);
  for (const { score, head } of top) {
    for (const id of head) {
      if (queryTerms.has(id)) continue;
      const df = index.df(id);
      if (df < 2 || df > maxDf) continue;
      weight.set(id, (weight.get(id) ?? 0) + (score / best) * idf(index.liveCount, df));
      seenIn.set(id, (seenIn.get(id) ?? 0) + 1);
    }
  }
  const chosen = [...weight]
    .filter(([id]) => seenIn.get(id)! >= 2)
    .sort((a, b) => b[1] - a[1] || compare(index.terms[a[0]]!, index.terms[b[0]]!));
  const top1 = chosen[0]?.[1] ?? 0;
  return chosen
    .slice(0, FEEDBACK_TERMS)
    .map(([id, w]) => ({ id, weight: (FEEDBACK_WEIGHT * w) / top1 }));
}
