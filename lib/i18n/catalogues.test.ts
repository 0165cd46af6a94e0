import { describe, expect, it } from 'vitest';
import {
  catalogues,
  type Entry,
  formatNumber,
  translator,
  uiLocales,
  type UiLocale,
} from '@/lib/i18n';

const english = catalogues.en;
const locales = Object.keys(uiLocales) as UiLocale[];
const placeholders = (entry: Entry | undefined): string[] => {
  const texts =
    entry === undefined ? [] : typeof entry === 'string' ? [entry] : Object.values(entry);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))]
    .filter((name) => name !== 'count')
    .sort();
};

describe.each(locales)('the %s catalogue', (locale) => {
  const own = catalogues[locale];

  it('has every key of the English catalogue, and no other', () => {
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
  });

  it('keeps each entry’s placeholders (other than the count a plural form may spell out)', () => {
    const differing = Object.keys(english).filter(
      (key) => placeholders(own[key]).join() !== placeholders(english[key]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('gives every plural entry each form the language’s CLDR rules use', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing = Object.entries(english)
      .filter(([, entry]) => typeof entry !== 'string')
      .flatMap(([key]) => {
        const entry = own[key];
        if (typeof entry === 'string' || entry === undefined) return [`${key}: not plural`];
        return categories.filter((c) => entry[c] === undefined).map((c) => `${key}.${c}`);
      });
    expect(missing).toEqual([]);
  });
});

describe('plural forms through Intl.PluralRules', () => {
  it('chooses Arabic’s dual, few and many forms, numbers written as Arabic’s CLDR data says', () => {
    const t = translator('ar');
    expect(t('search.count', { count: 2 })).toBe('نتيجتان');
    expect(t('search.count', { count: 3 })).toBe(`${formatNumber('ar', 3)} نتائج`);
    expect(t('search.count', { count: 11 })).toBe(`${formatNumber('ar', 11)} نتيجة`);
  });

  it('writes German and French numbers their own way', () => {
    expect(translator('de')('search.count', { count: 1234 })).toBe('1.234 Ergebnisse');
    expect(translator('fr')('search.count', { count: 1 })).toBe('1 résultat');
    expect(translator('fr')('search.count', { count: 1234 })).toBe('1\u202f234 résultats');
  });
});
