/** The techniques on top of BM25F, each switchable for the bench's ablation (docs/adr/0003). */
export interface SearchFeatures {
  /** Re-rank the best candidates by how much of the query their titles say (rerank.ts). */
  rerank: boolean;
  /** Typo candidates from deletion neighbourhoods (fuzzy.ts). */
  typos: boolean;
  /** The last word, while typed, also matches its completions. */
  prefix: boolean;
  /** Pseudo-relevance feedback from the first results' titles and summaries (feedback.ts). Off:
   * on 94 tuning queries it lost more than it found (docs/adr/0003-search.md). */
  feedback: boolean;
  /** An unknown word is completed as a prefix too, not only the last one (matcher.ts). */
  completion: boolean;
  /** Rare words also match the words titles and summaries associate with them (associations.ts). */
  associations: boolean;
  /** Re-rank the best candidates by closeness in meaning, from a model of the corpus learned at
   * build time (semantic/). */
  semantic: boolean;
  /** Everyday words also match the documentation words of a software-support vocabulary
   * (vocabulary.ts, software-vocabulary.ts). */
  vocabulary: boolean;
}
export const DEFAULT_FEATURES: SearchFeatures = {
  rerank: true,
  typos: true,
  prefix: true,
  feedback: false,
  completion: true,
  associations: true,
  semantic: true,
  vocabulary: true,
};
export const FEATURE_NAMES = Object.keys(DEFAULT_FEATURES) as (keyof SearchFeatures)[];
