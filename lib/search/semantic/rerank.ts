import type { Candidate } from '../rerank';
import type { SemanticModel } from './model';

/**
 * What a perfect match in meaning (cosine 1) adds to a candidate's score, once scores are
 * scaled so the best candidate has 1: an article that shares the query's meaning but few of its
 * words can overtake one that only shares words.
 */
export const SEMANTIC_WEIGHT = 1;

/**
 * Re-ranks the best candidates by their score (relative to the best one) plus SEMANTIC_WEIGHT ×
 * the cosine between the query's and each candidate's latent vector (model.ts), in the manner of
 * dual-embedding re-ranking (Mitra et al. 2016) with corpus-learned LSA vectors. Returns the
 * candidates as they were when no query word has a vector.
 */
export function rerankByMeaning(
  candidates: Candidate[],
  model: SemanticModel,
  queryTermIds: readonly number[],
  keyOf: (slot: number) => string,
  related: readonly { id: number; weight: number }[] = [],
): Candidate[] {
  if (candidates.length < 2) return candidates;
  const query = model.queryVector(queryTermIds, related);
  if (query === undefined) return candidates;
  const best = Math.max(...candidates.map((c) => c.score));
  if (!(best > 0)) return candidates;
  return candidates
    .map((c) => ({
      slot: c.slot,
      score: c.score / best + SEMANTIC_WEIGHT * model.similarity(query, c.slot),
    }))
    .sort((a, b) => b.score - a.score || (keyOf(a.slot) < keyOf(b.slot) ? -1 : 1));
}
