import type { SearchIndex } from '@/lib/search';
import { idf } from '@/lib/search/fields';
import { parseQuery } from '@/lib/search/query';
import { tokens } from '@/lib/search/tokenize';

/** Candidates re-ranked, as the LSA re-rank does. */
const POOL = 30;

interface Vectors {
  rowOf: ReadonlyMap<string, number>;
  vectors: Float32Array;
  dimensions: number;
}

/**
 * For bench/word-neighbours-grid.ts: a re-rank of our search's best candidates by the cosine
 * between the query's and each title (×3) + summary (×2) IDF-weighted average word vector, in
 * the manner of the LSA re-rank (lib/search/semantic) but with general-English vectors.
 */
export function vectorRerank(
  index: SearchIndex,
  words: Vectors,
): (query: string, lambda: number) => string[] {
  const docs = new Map<string, Float32Array | undefined>();
  const docVector = (id: string) => {
    if (!docs.has(id)) {
      const slot = index.store.slotOf(id)!;
      const { titles, summaries } = index.store;
      const parts: [string, number][] = [
        [titles[slot]!, 3],
        [summaries[slot]!, 2],
      ];
      docs.set(id, textVector(index, words, parts));
    }
    return docs.get(id);
  };
  return (query, lambda) => {
    const hits = index.search(query, { limit: POOL });
    const text = parseQuery(query)
      .map((w) => w.word)
      .join(' ');
    const q = textVector(index, words, [[text, 1]]);
    if (q === undefined || hits.length < 2) return hits.slice(0, 10).map((h) => h.id);
    const best = Math.max(...hits.map((h) => h.score));
    const cos = (v: Float32Array | undefined) =>
      v === undefined ? 0 : v.reduce((sum, x, d) => sum + x * q[d]!, 0);
    return hits
      .map((h) => ({ id: h.id, score: h.score / best + lambda * cos(docVector(h.id)) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((h) => h.id);
  };
}

/** The unit-length IDF-weighted sum of the vectors of the texts' words (× each text's weight). */
function textVector(
  index: SearchIndex,
  { rowOf, vectors, dimensions }: Vectors,
  parts: [string, number][],
): Float32Array | undefined {
  const v = new Float32Array(dimensions);
  let any = false;
  for (const [text, times] of parts)
    for (const t of tokens(text)) {
      const row = rowOf.get(t.word);
      if (row === undefined) continue;
      const id = index.index.termIds.get(t.term);
      const w = times * idf(index.size, id === undefined ? 1 : Math.max(1, index.index.df(id)));
      for (let d = 0; d < dimensions; d++) v[d]! += w * vectors[row * dimensions + d]!;
      any = true;
    }
  const norm = Math.hypot(...v);
  return any && norm > 0 ? v.map((x) => x / norm) : undefined;
}
