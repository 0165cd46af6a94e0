import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { related, relatedTo, startsLike } from './named';

/** What `kept` keeps of one UTF-16 unit (its char code), -1 when nothing: the rule written out. */
function keptOf(unit: string): number {
  const kept = unit.toLowerCase().replace(/[^a-z\d]+/g, '');
  return kept.length === 1 ? kept.charCodeAt(0) : -1;
}

/** The test read a unit at a time, as `firstTexts` did before its regular expression. */
function byUnits(text: string, first: number, letter: number): boolean {
  let seen = false;
  for (const unit of text.split('')) {
    const code = keptOf(unit);
    if (code < 0) continue;
    if (!seen && code === first) return true;
    seen = true;
    if (code > 57) return code === letter;
  }
  return false;
}

// Letters, digits, the two units outside ASCII that lowercase to a–z, and some that keep nothing.
const unit = fc.constantFrom(...'aAiIkKtTzZ09 -(.\n\u0130\u212a\u00e9\u00df');
const code = fc.constantFrom(...'aiktz09'.split('').map((c) => c.charCodeAt(0)));

describe('startsLike', () => {
  it('answers as reading the text a unit at a time, for any first character and letter', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 8 }).map((units) => units.join('')),
        code,
        fc.oneof(
          code.filter((c) => c > 57),
          fc.constant(-1),
        ),
        (text, first, letter) => {
          expect(startsLike(first, letter).test(text)).toBe(byUnits(text, first, letter));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('relatedTo', () => {
  it('answers as `related` reads a text against a key, unit by unit', () => {
    const text = fc.array(unit, { maxLength: 10 }).map((units) => units.join(''));
    const key = fc.array(fc.constantFrom(...'aiktz09'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        text,
        key.map((chars) => chars.join('')),
        fc.boolean(),
        (value, word, skip) => {
          const from = skip ? word.replace(/^\d+/, '') : word;
          fc.pre(from.length > 0);
          expect(relatedTo(from, skip).test(value)).toBe(related(value, from, skip));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
