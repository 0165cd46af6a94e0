import { describe, expect, it } from 'vitest';
import { buildIndex, type SearchDoc } from '../index';
import { symmetricEigen } from './eigen';
import { truncatedSvd, type SparseRows } from './svd';
import { TermVectors, type SerializedTermVectors } from './term-vectors';

/** Runs a generator to its end. */
function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** A dense row-major matrix as SparseRows. */
function sparse(rows: number[][]): SparseRows {
  const start = [0];
  const col: number[] = [];
  const val: number[] = [];
  for (const row of rows) {
    row.forEach((v, c) => {
      if (v === 0) return;
      col.push(c);
      val.push(v);
    });
    start.push(col.length);
  }
  return {
    rows: rows.length,
    cols: rows[0]!.length,
    start: Int32Array.from(start),
    col: Int32Array.from(col),
    val: Float64Array.from(val),
  };
}

describe('symmetricEigen', () => {
  it('returns the eigenvalues in descending order with vectors that satisfy A v = λ v', () => {
    const a = Float64Array.from([2, 1, 0, 1, 3, 1, 0, 1, 4]);
    const { values, vectors } = symmetricEigen(a, 3);
    expect([...values]).toEqual([...values].sort((x, y) => y - x));
    for (let j = 0; j < 3; j++)
      for (let r = 0; r < 3; r++) {
        let av = 0;
        for (let c = 0; c < 3; c++) av += a[r * 3 + c]! * vectors[c * 3 + j]!;
        expect(av).toBeCloseTo(values[j]! * vectors[r * 3 + j]!, 9);
      }
  });
});

describe('truncatedSvd', () => {
  it('finds the singular values of a rank-2 matrix', () => {
    // Rows are combinations of two orthogonal patterns with weights 3 and 1.
    const p = [1, 1, 0, 0];
    const q = [0, 0, 1, -1];
    const rows = [3, 0, 2, 0].map((x, i) => p.map((v, c) => x * v + [0, 1, 0, 2][i]! * q[c]!));
    const { k, s } = run(truncatedSvd(sparse(rows), 2, 7));
    expect(k).toBe(2);
    // σ² are the eigenvalues of A Aᵀ: (9 + 4)·2 for p, (1 + 4)·2 for q.
    expect(s[0]! ** 2).toBeCloseTo(26, 6);
    expect(s[1]! ** 2).toBeCloseTo(10, 6);
  });
});

describe('TermVectors', () => {
  it('returns equal vectors from a JSON round trip', () => {
    const u = Float64Array.from([0.6, 0.8, 0, 0, 0, 1]);
    const vectors = TermVectors.fromSvd(
      { k: 2, u, s: Float64Array.from([4, 1]) },
      ['a', 'b', 'c'],
      Float64Array.from([1, 2, 3]),
    );
    const again = TermVectors.fromJSON(
      JSON.parse(JSON.stringify(vectors.toJSON())) as SerializedTermVectors,
    );
    for (let row = 0; row < 3; row++) {
      const x = new Float32Array(2);
      const y = new Float32Array(2);
      vectors.addTo(x, row, 1);
      again.addTo(y, row, 1);
      expect([...y]).toEqual([...x]);
    }
  });

  it('throws when the vectors do not match their terms', () => {
    const json = TermVectors.fromSvd(
      { k: 1, u: Float64Array.from([1]), s: Float64Array.from([1]) },
      ['a'],
      Float64Array.from([1]),
    ).toJSON();
    expect(() => TermVectors.fromJSON({ ...json, terms: ['a', 'b'] })).toThrow(/do not match/);
  });
});

describe('semantic re-rank', () => {
  // "supplier" and "vendor" articles share their other words; the mailbox article mentions a
  // supplier once, in its body, and is about something else.
  const topic = (id: string, title: string, body: string): SearchDoc => ({ id, title, body });
  const docs: SearchDoc[] = [
    ...Array.from({ length: 6 }, (_, i) =>
      topic(`pay-${i}`, `Supplier invoice payment run ${i}`, 'supplier invoice payment terms due'),
    ),
    ...Array.from({ length: 6 }, (_, i) =>
      topic(`onb-${i}`, `Vendor invoice payment setup ${i}`, 'vendor invoice payment terms bank'),
    ),
    ...Array.from({ length: 12 }, (_, i) =>
      topic(`mail-${i}`, `Mailbox quota archive ${i}`, 'mailbox quota archive retention storage'),
    ),
    topic('mail-supplier', 'Newsletter mailbox archive', 'mailbox quota archive storage supplier'),
  ];
  // The software vocabulary would relate "supplier" to "vendor" itself: off, to see the model alone.
  const scores = (semantic: boolean) =>
    new Map(
      buildIndex(docs, { semantic, vocabulary: false })
        .search('supplier bank', { limit: 30 })
        .map((h) => [h.id, h.score]),
    );

  it('widens the lead of an article on the query’s topic over one that only shares a word', () => {
    const lead = (s: Map<string, number>) => s.get('onb-0')! / s.get('mail-supplier')!;
    expect(lead(scores(true))).toBeGreaterThan(2 * lead(scores(false)));
    expect(lead(scores(true))).toBeGreaterThan(1);
  });
});
