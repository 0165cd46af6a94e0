import type { Heads } from '../associations';
import { unpackTf } from '../fields';
import { lowerBound, type InvertedIndex } from '../inverted-index';
import { truncatedSvd } from './svd';
import { termMatrix } from './term-matrix';
import { TermVectors } from './term-vectors';

/** Dimensions of the latent space: 96 kept every development-set gain of 128 at 3/4 of the size. */
export const SEMANTIC_DIMS = 96;
const SEED = 0x5eed;
/** A document's vector weighs its title words this much and its summary words that much. */
const TITLE_WEIGHT = 3;
const SUMMARY_WEIGHT = 2;

/**
 * Latent semantic analysis of the corpus (Deerwester et al. 1990), learned when the index is
 * built: a truncated SVD of the term × document matrix places words used in the same articles
 * near each other ("supplier" near "vendor", "iphone" near "mobile"). Yields between slices.
 */
export function* buildTermVectors(
  index: InvertedIndex,
  idOf: (slot: number) => string,
  dims = SEMANTIC_DIMS,
): Generator<void, TermVectors | undefined> {
  const { matrix, termIds, idfs } = termMatrix(index, idOf);
  if (matrix.rows < 2 || matrix.cols < 2) return undefined;
  const svd = yield* truncatedSvd(matrix, dims, SEED);
  const terms = Array.from(termIds, (id) => index.terms[id]!);
  return TermVectors.fromSvd(svd, terms, idfs);
}

/**
 * The term vectors attached to an index: a document's vector is the weighted sum of its title
 * and summary words' vectors (computed when first needed and kept: it depends only on the
 * document and the term vectors), a query's the sum of its words'; their cosine says how close
 * in meaning they are even when they share no word.
 */
export class SemanticModel {
  private readonly rows: Map<string, number>;
  private rowOfId = new Int32Array(0);
  private docs = new Float32Array(0);
  private ready = new Uint8Array(0);

  constructor(
    readonly vectors: TermVectors,
    private readonly index: InvertedIndex,
    private readonly heads: Heads,
  ) {
    this.rows = new Map(vectors.terms.map((term, row) => [term, row]));
  }

  /** The vector row of an index term id, or -1. */
  rowOf(id: number): number {
    if (id >= this.rowOfId.length) {
      const terms = this.index.terms;
      const grown = new Int32Array(Math.max(terms.length, id + 1));
      grown.set(this.rowOfId);
      for (let t = this.rowOfId.length; t < grown.length; t++)
        grown[t] = this.rows.get(terms[t] ?? '') ?? -1;
      this.rowOfId = grown;
    }
    return this.rowOfId[id]!;
  }

  /** The unit vector of query terms (index term ids), or undefined when none has a vector. */
  queryVector(
    ids: readonly number[],
    extra: readonly { id: number; weight: number }[] = [],
  ): Float32Array | undefined {
    const v = new Float32Array(this.vectors.dims);
    let any = false;
    for (const { id, weight } of [...ids.map((id) => ({ id, weight: 1 })), ...extra]) {
      const row = this.rowOf(id);
      if (row < 0 || !(weight > 0)) continue;
      this.vectors.addTo(v, row, weight);
      any = true;
    }
    return any && normalize(v) ? v : undefined;
  }

  /** Cosine between a unit query vector and the document in `slot` (0 when it has none). */
  similarity(query: Float32Array, slot: number): number {
    const dims = this.vectors.dims;
    if (slot >= this.ready.length) this.grow(slot + 1);
    if (this.ready[slot] === 0) this.computeDoc(slot);
    let sum = 0;
    for (let c = 0, base = slot * dims; c < dims; c++) sum += query[c]! * this.docs[base + c]!;
    return sum;
  }

  /** Drops a slot's cached vector (its document was removed). */
  forget(slot: number): void {
    if (slot < this.ready.length) this.ready[slot] = 0;
  }

  private computeDoc(slot: number): void {
    const dims = this.vectors.dims;
    const parts: { row: number; weight: number }[] = [];
    for (const id of this.heads.of(slot) ?? []) {
      const row = this.rowOf(id);
      if (row < 0) continue;
      const docs = this.index.postingDocs[id]!;
      const packed = this.index.postingTfs[id]![lowerBound(docs, slot)] ?? 0;
      parts.push({
        row,
        weight: TITLE_WEIGHT * unpackTf(packed, 0) + SUMMARY_WEIGHT * unpackTf(packed, 1),
      });
    }
    // Summed in vector-row order, not term-id order: a loaded index numbers its terms
    // differently, and float sums must not depend on that (same scores built or loaded).
    parts.sort((a, b) => a.row - b.row);
    const v = new Float32Array(dims);
    for (const { row, weight } of parts) this.vectors.addTo(v, row, weight);
    if (normalize(v)) this.docs.set(v, slot * dims);
    else this.docs.fill(0, slot * dims, (slot + 1) * dims);
    this.ready[slot] = 1;
  }

  private grow(slots: number): void {
    const size = Math.max(slots, this.ready.length * 2, 64);
    const docs = new Float32Array(size * this.vectors.dims);
    docs.set(this.docs);
    const ready = new Uint8Array(size);
    ready.set(this.ready);
    this.docs = docs;
    this.ready = ready;
  }
}

function normalize(v: Float32Array): boolean {
  let norm = 0;
  for (const x of v) norm += x * x;
  if (norm <= 0) return false;
  const scale = 1 / Math.sqrt(norm);
  for (let c = 0; c < v.length; c++) v[c]! *= scale;
  return true;
}
