/**
 * A light English suffix stripper: plurals, -ing, -ed, -ly and a final silent e, with a doubled
 * final consonant undoubled. Deliberately milder than Porter: it only has to send the common
 * inflections of a word to one key ("setting", "sets", "set"; "share", "shared", "sharing"),
 * the same way at index and query time. Stems are index keys, never shown to users.
 */
const VOWEL = /[aeiouy]/;
const DOUBLE = /([b-df-hj-np-tv-z])\1$/;

export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = plural(word);
  w = inflection(w);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function plural(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.length > 4 ? `${w.slice(0, -3)}y` : w;
  if (/(?:[sxz]|ch|sh)es$/.test(w) && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function inflection(w: string): string {
  for (const suffix of ['ing', 'ed', 'ly']) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length < 3 || !VOWEL.test(base)) return w;
    return DOUBLE.test(base) && !/(?:ll|ss|zz)$/.test(base) ? base.slice(0, -1) : base;
  }
  return w;
}
