import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeData, normaliseText } from './text';

describe('looksLikeData', () => {
  it.each([
    '#48213 Printer on fire',
    'INC0010023',
    '2024-05-01',
    'ada@example.com',
    'x'.repeat(41),
  ])('returns true for record data %j', (text) => expect(looksLikeData(text)).toBe(true));

  it.each(['Submit as Open', 'Priority', 'Assign to me', 'Step 2'])(
    'returns false for UI text %j',
    (text) => expect(looksLikeData(text)).toBe(false),
  );
});

describe('normaliseText', () => {
  it('collapses whitespace, lowercases and truncates', () => {
    expect(normaliseText('  Due\n  Date: ')).toBe('due date');
    expect(normaliseText('a'.repeat(200))).toHaveLength(80);
  });

  it('answers as the three passes it skips for tidy text, on any text', () => {
    // The rule as written before its shortcut for text those passes leave as it is.
    const passes = (raw: string): string =>
      raw
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[\s:*]+$/, '')
        .toLowerCase()
        .slice(0, 80);
    // Spaces, other whitespace, colons, asterisks and a letter that lowercases to two units.
    const unit = fc.constantFrom(' ', '  ', '\n', '\u00a0', '\t', ':', '*', 'A', 'b', 'İ', '9');
    const text = fc.array(unit, { maxLength: 90 }).map((units) => units.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (raw) => {
        expect(normaliseText(raw)).toBe(passes(raw));
      }),
      { numRuns: 2000 },
    );
  });
});
