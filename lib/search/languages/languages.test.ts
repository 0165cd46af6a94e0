import { describe, expect, it } from 'vitest';
import { buildIndex, loadIndex, type SearchIndex } from '..';
import { keyOf, terms } from '../tokenize';
import { arabicStem, normaliseArabic } from './arabic';
import { frenchStem } from './french';
import { germanStem } from './german';
import { searchLangOf } from '.';

const keys = (words: string[], lang: 'de' | 'fr' | 'ar') => words.map((w) => keyOf(w, lang));

describe('germanStem', () => {
  it('returns one key for the inflections of a noun and a verb', () => {
    expect(keys(['Drucker', 'Druckers', 'drucken'], 'de')).toEqual(['druck', 'druck', 'druck']);
    expect(keys(['Rechnung', 'Rechnungen'], 'de')).toEqual(['rechnung', 'rechnung']);
    expect(keys(['Einstellung', 'Einstellungen'], 'de')).toEqual(['einstellung', 'einstellung']);
  });

  it('folds umlauts and ß before stemming', () => {
    expect(keyOf('Passwörter', 'de')).toBe('passwort');
    expect(keyOf('Passwort', 'de')).toBe('passwort');
    expect(keyOf('Größe', 'de')).toBe(keyOf('Grösse', 'de'));
    expect(germanStem('strasse')).toBe('strass');
  });

  it('leaves short words and codes alone', () => {
    expect(germanStem('app')).toBe('app');
    expect(germanStem('x509')).toBe('x509');
  });
});

describe('frenchStem', () => {
  it('returns one key for the forms of a verb and its participles', () => {
    const forms = ['configurer', 'configuré', 'configurée', 'configurées', 'configurez'];
    expect(new Set(keys(forms, 'fr'))).toEqual(new Set(['configur']));
  });

  it('returns one key for singular and plural, -aux → -al', () => {
    expect(keys(['facture', 'factures'], 'fr')).toEqual(['factur', 'factur']);
    expect(frenchStem('journaux')).toBe(frenchStem('journal'));
  });

  it('cuts elided articles before folding', () => {
    expect(keyOf("l'imprimante", 'fr')).toBe('imprimant');
    expect(keyOf('l’imprimante', 'fr')).toBe('imprimant');
    expect(keyOf("d'accès", 'fr')).toBe('acce');
    expect(terms("Qu'est-ce que c'est ? J'ai perdu l'accès", 'fr')).toEqual(['perdu', 'acce']);
  });
});

describe('arabicStem', () => {
  it('normalises alef forms, alef maksura, teh marbuta and diacritics', () => {
    expect(normaliseArabic('أإآ')).toBe('ااا');
    expect(normaliseArabic('مستشفى')).toBe('مستشفي');
    expect(normaliseArabic('فاتورة')).toBe('فاتوره');
    expect(keyOf('كَلِمَة', 'ar')).toBe(keyOf('كلمة', 'ar'));
  });

  it('strips the conjunction, the article and common suffixes', () => {
    // printer, the printer, and the printers, printers: one key.
    const forms = ['طابعة', 'الطابعة', 'والطابعات', 'طابعات'];
    expect(new Set(keys(forms, 'ar'))).toEqual(new Set(['طابع']));
    // "by the mail" → mail.
    expect(keyOf('بالبريد', 'ar')).toBe('بريد');
    expect(keyOf('للمستخدمين', 'ar')).toBe('مستخدم');
  });

  it('keeps at least two letters and leaves other scripts alone', () => {
    expect(arabicStem('وه')).toBe('وه');
    expect(arabicStem('excel')).toBe('excel');
  });

  it('drops Arabic stop and question words', () => {
    expect(terms('كيف أغير كلمة المرور في البريد؟', 'ar')).toEqual(['اغير', 'كلم', 'مرور', 'بريد']);
  });
});

describe('searchLangOf', () => {
  it('reads the primary subtag, English for languages search does not analyse', () => {
    expect(searchLangOf('de-AT')).toBe('de');
    expect(searchLangOf('fr')).toBe('fr');
    expect(searchLangOf('AR_EG')).toBe('ar');
    expect(searchLangOf('es')).toBe('en');
    expect(searchLangOf(undefined)).toBe('en');
  });
});

describe('a German document in the index', () => {
  const doc = {
    id: 'queue-de',
    title: 'Hängende Druckaufträge',
    body: 'Öffnen Sie die Warteschlange des Druckers und brechen Sie die Aufträge ab.',
    lang: 'de' as const,
  };

  it('is found by a German compound the index does not have, also after a save and load', () => {
    const index = buildIndex([
      doc,
      { id: 'other', title: 'Printer setup', body: 'Add a printer.' },
    ]);
    const ids = (i: SearchIndex) =>
      i.search('Druckerwarteschlange', { langs: ['de'] }).map((h) => h.id);
    expect(ids(index)).toEqual(['queue-de']);
    const json = index.toJSON();
    expect(json.format).toBe('waymark-search@3');
    expect(json.docs[0]?.[9]).toBe('de');
    expect(json.docs[1]?.[9]).toBeUndefined();
    expect(ids(loadIndex(json))).toEqual(['queue-de']);
  });

  it('highlights the German words a German query matched', () => {
    const [hit] = buildIndex([doc]).search('Druckers hängend', { langs: ['de'] });
    const title = hit?.highlights.find((h) => h.field === 'title');
    expect(title?.ranges).toEqual([[0, 8]]);
  });
});
