import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, VarintReader, VarintWriter } from './varint';

describe('varint', () => {
  it('returns the written numbers when read back, small and large', () => {
    const values = [0, 1, 127, 128, 300, 2 ** 30 - 1, 2 ** 40];
    const writer = new VarintWriter();
    values.forEach((v) => writer.write(v));
    const reader = new VarintReader(writer.toBase64());
    expect(values.map(() => reader.read())).toEqual(values);
    expect(reader.done).toBe(true);
  });

  it('returns the same bytes through base64 for every length remainder', () => {
    for (const length of [0, 1, 2, 3, 4, 5]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97) % 256);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('throws when the data is not base64', () => {
    expect(() => new VarintReader('@@@')).toThrow(/base64/);
  });
});
