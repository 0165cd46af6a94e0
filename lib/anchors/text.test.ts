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
});
