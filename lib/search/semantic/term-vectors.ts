import { fromBase64, toBase64 } from '../varint';
import type { TruncatedSvd } from './svd';

/** The persisted term vectors: int8 components with one float scale per term. */
export interface SerializedTermVectors {
  dims: number;
  terms: string[];
  /** terms.length × dims signed bytes, base64. */
  vectors: string;
  /** One little-endian float32 per term, base64. */
  scales: string;
}

/**
 * One vector per term, as the semantic model uses them: the term's row of U·√S, scaled to unit
 * length, times the term's IDF (so sums weight rare words up), stored as int8 with a scale per
 * term. Quantised when built, so a loaded model is the same as the one that was stored.
 */
export class TermVectors {
  private constructor(
    readonly dims: number,
    readonly terms: readonly string[],
    private readonly values: Int8Array,
    private readonly scales: Float32Array,
  ) {}

  static fromSvd(svd: TruncatedSvd, terms: string[], idfs: Float64Array): TermVectors {
    const { k, u, s } = svd;
    const rows = terms.length;
    const values = new Int8Array(rows * k);
    const scales = new Float32Array(rows);
    const row = new Float64Array(k);
    for (let r = 0; r < rows; r++) {
      let norm = 0;
      for (let c = 0; c < k; c++) norm += (row[c] = u[c * rows + r]! * Math.sqrt(s[c]!)) ** 2;
      let max = 0;
      for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(row[c]!));
      const unit = norm > 0 ? idfs[r]! / Math.sqrt(norm) : 0;
      scales[r] = max > 0 ? (max * unit) / 127 : 0;
      for (let c = 0; c < k; c++)
        values[r * k + c] = max > 0 ? Math.round((row[c]! / max) * 127) : 0;
    }
    return new TermVectors(k, terms, values, scales);
  }

  static fromJSON(data: SerializedTermVectors): TermVectors {
    const { dims, terms } = data;
    const bytes = fromBase64(data.vectors);
    const scaleBytes = fromBase64(data.scales);
    if (bytes.length !== terms.length * dims || scaleBytes.length !== terms.length * 4)
      throw new Error('semantic vectors do not match their terms');
    const view = new DataView(scaleBytes.buffer, scaleBytes.byteOffset, scaleBytes.byteLength);
    const scales = Float32Array.from(terms, (_, r) => view.getFloat32(r * 4, true));
    return new TermVectors(
      dims,
      terms,
      new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      scales,
    );
  }

  toJSON(): SerializedTermVectors {
    const scales = new Uint8Array(this.scales.length * 4);
    const view = new DataView(scales.buffer);
    this.scales.forEach((scale, r) => view.setFloat32(r * 4, scale, true));
    return {
      dims: this.dims,
      terms: [...this.terms],
      vectors: toBase64(
        new Uint8Array(this.values.buffer, this.values.byteOffset, this.values.length),
      ),
      scales: toBase64(scales),
    };
  }

  /** Adds `weight` × the vector of `row` to `into` (length dims). */
  addTo(into: Float32Array, row: number, weight: number): void {
    const w = weight * this.scales[row]!;
    const base = row * this.dims;
    for (let c = 0; c < this.dims; c++) into[c]! += w * this.values[base + c]!;
  }
}
