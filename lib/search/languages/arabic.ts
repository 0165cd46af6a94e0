/**
 * Arabic normalisation and light stemming (after Larkey, Ballesteros & Connell's "light10"):
 * diacritics and tatweel removed, alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه; then a leading و, one
 * definite-article prefix (ال وال بال كال فال لل) and the common suffixes (ها ان ات ون ين يه ه ي),
 * each only while at least two letters remain. "الطابعة", "والطابعات", "طابعة" → "طابع". Broken
 * plurals (فواتير / فاتورة) are beyond a light stemmer. Keys, never shown.
 */
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

/** Arabic letters only after normalising: other scripts are left to the folding of every language. */
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

export function normaliseArabic(word: string): string {
  return word
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

export function arabicStem(normalised: string): string {
  if (!ARABIC_WORD.test(normalised)) return normalised;
  let w = normalised;
  if (w.length >= 4 && w.startsWith('و')) w = w.slice(1);
  for (const prefix of PREFIXES)
    if (w.startsWith(prefix) && w.length - prefix.length >= 2) {
      w = w.slice(prefix.length);
      break;
    }
  for (const suffix of SUFFIXES)
    if (w.length - suffix.length >= 2 && w.endsWith(suffix)) w = w.slice(0, -suffix.length);
  return w;
}

/** Arabic stop and question words, normalised as `normaliseArabic` does. */
export const ARABIC_STOP_WORDS: ReadonlySet<string> = new Set(
  `في من الي علي عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم انا نحن انت انه انها ان او ثم
  لا لم لن ما ماذا كيف لماذا متي اين هل كان كانت يكون تكون قد كل بعد قبل عند عندما حتي اذا لو
  بين غير بعض ايضا لكن و ف ب ل ك يا اي التي الي لدي عليه فيه منه به له لي بي ني`
    .split(/\s+/)
    .map(normaliseArabic),
);
