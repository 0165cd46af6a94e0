/**
 * The one formatter every context shares (the content script too, so it stays tiny): a catalogue
 * entry is a string with `{name}` placeholders, or its plural forms keyed by CLDR category
 * (zero, one, two, few, many, other), chosen for `vars.count` by `Intl.PluralRules` — the
 * browser's own CLDR data, so Arabic's six forms and Polish's or Russian's few/many are right
 * with no table of ours. Numbers are written the locale's way (`Intl.NumberFormat`).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Entry = string | PluralForms;
export type Vars = Readonly<Record<string, string | number>>;

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, lang: string, make: () => T): T {
  let value = map.get(lang);
  if (value === undefined) map.set(lang, (value = make()));
  return value;
}

/** `n` written as the locale writes numbers. */
export function formatNumber(lang: string, n: number): string {
  return cached(numbers, lang, () => new Intl.NumberFormat(lang)).format(n);
}

/** The entry's text for `vars` (the plural form for `vars.count`), placeholders filled in. */
export function format(lang: string, entry: Entry | undefined, vars: Vars = {}): string {
  let text = entry ?? '';
  if (typeof text !== 'string') {
    const rule = cached(rules, lang, () => new Intl.PluralRules(lang));
    text = text[rule.select(Number(vars.count ?? 0))] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}
