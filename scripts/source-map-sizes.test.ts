import { describe, expect, it } from 'vitest';
import { codeBySource } from './source-map-sizes';

// Segments [column, source, line, column] in base64 VLQ: `A`=0, `C`=1, `E`=2, `K`=5, `Q`=8.
describe('codeBySource', () => {
  it('gives each source the characters from its segments to the next segment on the line', () => {
    const code = 'let a=1;let b=2;';
    // a.ts at column 0, b.ts from column 8 (relative +8 = `Q`), source +1.
    const parts = codeBySource(code, { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,QCAA' });
    expect(Object.fromEntries(parts)).toEqual({ 'a.ts': 'let a=1;', 'b.ts': 'let b=2;' });
  });

  it('keeps the source index across lines and counts newlines and unmapped text as unmapped', () => {
    const code = 'x;/*c*/y;\nz;';
    // Line 1: a.ts (source 0) at 0, a segment with no source at 2, b.ts (source +1) at 7.
    // Line 2: still b.ts at 0 (source +0; only the column starts again on a new line).
    const parts = codeBySource(code, { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,E,KCAA;AAAA' });
    expect(Object.fromEntries(parts)).toEqual({
      'a.ts': 'x;',
      '(unmapped)': '/*c*/\n',
      'b.ts': 'y;z;',
    });
    expect([...parts.values()].join('').length).toBe(code.length);
  });

  it('names a character that is not a base64 digit', () => {
    expect(() => codeBySource('x', { sources: ['a.ts'], mappings: 'A!AA' })).toThrow(
      'source map: "!" is not a base64 digit',
    );
  });
});
