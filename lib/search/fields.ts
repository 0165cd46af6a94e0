/**
 * The indexed fields, in storage order, with their BM25F weight and length normalisation `b`.
 * Title above summary and tags, all above body: a word in the title says what the item is about;
 * a word somewhere in a long body may be incidental.
 */
export const FIELDS = [
  { name: 'title', weight: 5, b: 0.5 },
  { name: 'summary', weight: 2, b: 0.5 },
  { name: 'tags', weight: 2, b: 0.3 },
  { name: 'body', weight: 1, b: 0.75 },
] as const;
export const FIELD_COUNT = FIELDS.length;
/** BM25 term-frequency saturation. */
export const K1 = 1.2;

/**
 * A posting's per-field term frequencies packed in one small integer: title, summary and tags in
 * 4 bits each (capped at 15), body in the 18 bits above (capped at 262,143). Under 2^30, so
 * postings stay arrays of V8 small integers.
 */
const SMALL = 15;
const BODY_MAX = 0x3ffff;
export function packTf(tf: readonly number[]): number {
  const [t = 0, s = 0, g = 0, b = 0] = tf;
  const small = (Math.min(g, SMALL) << 8) | (Math.min(s, SMALL) << 4) | Math.min(t, SMALL);
  return (Math.min(b, BODY_MAX) << 12) | small;
}

export function unpackTf(packed: number, field: number): number {
  return field === 3 ? packed >>> 12 : (packed >>> (field * 4)) & SMALL;
}

/** IDF as in BM25 (Robertson-Spärck Jones, floored at a small positive value). */
export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}
