import { describe, expect, it } from 'vitest';
import { minifyCss } from './css-string';

describe('minifyCss', () => {
  it('drops comments and the whitespace around punctuation, keeping values intact', () => {
    expect(
      minifyCss(`/* why */\n.card .arrow::before {\n  content: '';\n  margin: 0 0 8px;\n}\n`),
    ).toBe(".card .arrow::before{content:'';margin:0 0 8px}");
  });
});
