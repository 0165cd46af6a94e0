import { describe, expect, it } from 'vitest';
import { stem } from './stem';
import { fold, terms, tokens, tokensOf, WantedTerms } from './tokenize';

describe('fold', () => {
  it('returns lower case without diacritics or apostrophes when given accented words', () => {
    expect(fold('Fattura-PÀ')).toBe('fattura-pa');
    expect(fold('Ångström')).toBe('angstrom');
    expect(fold("We're")).toBe('were');
  });
});

describe('stem', () => {
  it('returns one key for the common inflections of a word', () => {
    expect(new Set(['setting', 'sets', 'set'].map(stem))).toEqual(new Set(['set']));
    expect(new Set(['share', 'shared', 'sharing', 'shares'].map(stem)).size).toBe(1);
    expect(stem('libraries')).toBe(stem('library'));
    expect(stem('processes')).toBe(stem('process'));
  });

  it('returns short words, codes and words ending in -ss/-us/-is unchanged', () => {
    expect(stem('sso')).toBe('sso');
    expect(stem('x509')).toBe('x509');
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe('analysis');
  });
});

describe('terms', () => {
  it('returns keys without stop words when given a question', () => {
    expect(terms('How do I stop Outlook asking for my password again?')).toEqual([
      'stop',
      'outlook',
      'ask',
      'password',
    ]);
  });

  it('returns dotted numbers whole and splits hyphenated words', () => {
    expect(terms('554 5.6.0 onedrive-sync')).toEqual(['554', '5.6.0', 'onedriv', 'sync']);
  });

  it('returns no keys and does not throw when given emoji, punctuation or nothing', () => {
    expect(terms('🙂🔥 ?!… —')).toEqual([]);
    expect(terms('')).toEqual([]);
  });

  it('returns folded non-Latin words as keys when given Cyrillic or CJK text', () => {
    expect(terms('Настройка 設定')).toEqual(['настроика', '設定']);
  });
});

describe('tokens', () => {
  it('returns offsets into the original text when given mixed case and accents', () => {
    const text = 'Résumé: Outlook crashes';
    expect(tokens(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Résumé',
      'Outlook',
      'crashes',
    ]);
  });
});

describe('tokensOf', () => {
  const text = 'Companies flies Éclair d’accord 5.6.0 sharing shared SHARES a';

  it('finds exactly the tokens whose key is wanted, as filtering every token would', () => {
    for (const wanted of [['company', 'fly'], ['eclair', 'daccord'], ['5.6.0', 'a'], ['shar']]) {
      const expected = tokens(text).filter((t) => wanted.includes(t.term));
      expect(tokensOf(text, new WantedTerms(new Set(wanted)))).toEqual(expected);
    }
  });

  it('relies on a key keeping its word’s first two letters, for suffix rewrites too', () => {
    for (const word of ['companies', 'flies', 'sharing', 'stopped', 'classes', 'boxes', 'uses'])
      expect(stem(word).slice(0, 2)).toBe(word.slice(0, 2));
  });
});
