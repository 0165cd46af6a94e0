import { FIELD_COUNT, idf, unpackTf } from '../fields';
import type { InvertedIndex } from '../inverted-index';
import { compare } from '../top-k';
import type { SparseRows } from './svd';

/** Terms in fewer live documents than this get no vector: too rare to place. */
export const MIN_DF = 3;

/** The term × document matrix the semantic model factorises, and which term each row is. */
export interface TermMatrix {
  matrix: SparseRows;
  /** Term id per row. */
  termIds: Int32Array;
  /** IDF per row, at the time of the build. */
  idfs: Float64Array;
}

/**
 * The live documents' term counts (all fields) weighted log(1 + tf) · IDF, for the terms in at
 * least MIN_DF documents. Rows are in term order and columns in document-id order, so the same
 * content gives the same matrix whatever order it was added in (and so the same model).
 */
export function termMatrix(index: InvertedIndex, idOf: (slot: number) => string): TermMatrix {
  const live: number[] = [];
  for (let slot = 0; slot < index.slotCount; slot++) if (index.isLive(slot)) live.push(slot);
  live.sort((a, b) => compare(idOf(a), idOf(b)));
  const column = new Int32Array(index.slotCount).fill(-1);
  live.forEach((slot, c) => (column[slot] = c));
  const rows: number[] = [];
  for (let id = 0; id < index.terms.length; id++) if (index.df(id) >= MIN_DF) rows.push(id);
  rows.sort((a, b) => compare(index.terms[a]!, index.terms[b]!));
  let nnz = 0;
  for (const id of rows) nnz += index.df(id);
  const start = new Int32Array(rows.length + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  const idfs = new Float64Array(rows.length);
  let at = 0;
  rows.forEach((id, r) => {
    idfs[r] = idf(index.liveCount, index.df(id));
    const docs = index.postingDocs[id]!;
    const tfs = index.postingTfs[id]!;
    const entries = docs.map((slot, i) => [column[slot]!, tfs[i]!] as const);
    entries.sort((x, y) => x[0] - y[0]);
    for (const [c, packed] of entries) {
      let tf = 0;
      for (let f = 0; f < FIELD_COUNT; f++) tf += unpackTf(packed, f);
      col[at] = c;
      val[at++] = Math.log1p(tf) * idfs[r];
    }
    start[r + 1] = at;
  });
  return {
    matrix: { rows: rows.length, cols: live.length, start, col, val },
    termIds: Int32Array.from(rows),
    idfs,
  };
}
