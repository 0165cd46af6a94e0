import { HEADERISH, nameOf } from './containers';
import { queryAll, remember } from './root-memo';
import { BRACKETED_COUNT, nameText } from './text';

type Root = Document | ShadowRoot;

/** The letters a–z and digits of lowercased text: what normalising a key cell's text keeps. */
const kept = (text: string): string => text.toLowerCase().replace(/[^a-z\d]+/g, '');
/** Digits before the first letter: a heading's text may take them from nodes before its first letter. */
const fromLetter = (text: string): string => text.replace(/^\d+/, '');
/**
 * What a heading's first text node with a letter keeps of its name: bracketed counts out, and a
 * count left open at its end (closed in the next node) out too.
 */
const headingKept = (text: string): string =>
  fromLetter(kept(text.replace(BRACKETED_COUNT, ' ').replace(/[([][\s\d.,+]*$/, '')));

/**
 * The character code `kept` keeps of the UTF-16 unit `code`, -1 when none: only `İ` and the
 * Kelvin sign lowercase to a–z from outside ASCII (checked over every code point), and each does so
 * alone, so text can be read a unit at a time, without making strings.
 */
function keptCode(code: number): number {
  if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) return code;
  if (code >= 65 && code <= 90) return code + 32;
  return code === 0x130 ? 105 /* i */ : code === 0x212a ? 107 /* k */ : -1;
}

const NINE = 57;

/** Units `keptCode` keeps nothing of. */
const SKIPPED = '[^0-9A-Za-z\u0130\u212a]';

/** The units `keptCode` reads as `code` (a digit or a–z), as a character class; -1: none. */
function unitsOf(code: number): string {
  if (code < 0) return '(?!)';
  const char = String.fromCharCode(code);
  if (code <= NINE) return `[${char}]`;
  const extra = char === 'i' ? '\u0130' : char === 'k' ? '\u212a' : '';
  return `[${char}${char.toUpperCase()}${extra}]`;
}

/**
 * Whether the first character `kept` keeps of a text is `first`, or its first letter is `letter`
 * (after digits only), as one regular expression: a text node is then tested by the engine's
 * own code, not a unit at a time in JavaScript (which runs interpreted in a page's first resolve).
 */
export const startsLike = (first: number, letter: number): RegExp =>
  new RegExp(
    `^${SKIPPED}*(?:${unitsOf(first)}|${unitsOf(letter)}|[0-9](?:${SKIPPED}|[0-9])*${unitsOf(letter)})`,
  );

/**
 * Whether what `kept` keeps of `text` (digits before its first letter left out with `fromLetter`)
 * and `key` are a start of one another, the former not empty: read a unit at a time and given up
 * at the first that differs, as most text nodes of a page do at their first.
 */
export function related(text: string, key: string, skipDigits = false): boolean {
  let matched = 0;
  let leading = skipDigits;
  for (let i = 0; i < text.length && matched < key.length; i += 1) {
    const code = keptCode(text.charCodeAt(i));
    if (code < 0 || (leading && code <= NINE)) continue;
    leading = false;
    if (code !== key.charCodeAt(matched)) return false;
    matched += 1;
  }
  return matched > 0;
}

/**
 * `related(text, key, skipDigits)` as one regular expression, for the walk over every text node:
 * each kept character of the text in turn is the key's next, until the key is all matched (then
 * anything may follow) or the text ends (nothing kept left).
 */
export function relatedTo(key: string, skipDigits = false): RegExp {
  let rest = '';
  for (let i = key.length - 1; i >= 1; i -= 1)
    rest = `(?:${SKIPPED}*${unitsOf(key.charCodeAt(i))}${rest}|${SKIPPED}*$)`;
  const lead = skipDigits ? `(?:${SKIPPED}|[0-9])*` : `${SKIPPED}*`;
  return new RegExp(`^${lead}${unitsOf(key.charCodeAt(0))}${rest}`);
}

/** `read` of a start of `value` long enough to tell (of all of it when that start reads empty). */
const start = (value: string, cut: number, read: (text: string) => string): string =>
  read(value.slice(0, cut)) || read(value.slice(cut));

/**
 * Each selector of a list queried alone: Chromium answers a lone tag or attribute selector on its
 * fast path, while a list is matched element by element against each of its selectors.
 */
function queryEach(root: Root, selectors: readonly string[]): Set<Element> {
  const found = new Set<Element>();
  for (const selector of selectors)
    for (const element of queryAll(root, selector)) found.add(element);
  return found;
}

/**
 * The runs without spaces of a normalised name that the raw text it came from holds as they are,
 * ASCII-caseless: printable ASCII, stopped at `k` and at a dotted `i`, which other letters
 * lowercase to (`K` the Kelvin sign, `İ`).
 */
export const runsOf = (name: string): string[] => name.match(/(?:[!-hjl-~]|i(?!\u0307))+/g) ?? [];

/**
 * Elements named `name` by their own label (`aria-labelledby`, else `aria-label`; containers.ts
 * `labelName`). An `aria-label` that names `name` holds each of its runs (`runsOf`).
 */
function labelled(root: Root, name: string): Element[] {
  const holding = runsOf(name).map((run) => `[aria-label*="${run.replace(/["\\]/g, '\\$&')}" i]`);
  return [...queryEach(root, ['[aria-labelledby]', `[aria-label]${holding.join('')}`])].filter(
    (element) => nameOf(element)?.text === name,
  );
}

/**
 * Text nodes that may be the first of a key cell named `name` with a letter or digit, or the first
 * of a heading so named with a letter (see `containersNamed`).
 */
function firstTexts(root: Root, name: string, found: (text: Text) => void): void {
  const [key, word] = [kept(name), fromLetter(kept(name))];
  const cut = 4 * key.length + 16;
  const starts = startsLike(key.charCodeAt(0), word.length > 0 ? word.charCodeAt(0) : -1);
  const [ofWord, ofKey] = [relatedTo(word, true), relatedTo(key)];
  const walker = (root.ownerDocument ?? root).createTreeWalker(root, 4 /* text */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const value = text.nodeValue ?? '';
    // Both tests below need one of these: most nodes of a page fail here, at their first letter.
    if (!starts.test(value)) continue;
    const heading = /[([]/.test(value)
      ? word.length > 0 && related(start(value, cut, headingKept), word)
      : word.length > 0 && ofWord.test(value);
    if (heading || ofKey.test(value)) found(text as Text);
  }
}

/**
 * Every container of `root` whose own name (containers.ts `nameOf`) is `name`, found from the
 * name instead of from the elements inside: the one row keyed "Ada Lovelace" among 2,500 rows
 * without naming the other 2,499. Undefined when `name` has no letter or digit to look for.
 *
 * Exact: every container so named is among those tested, and each is kept only if `nameOf` says
 * so. By its source:
 * - a label: every `aria-labelledby`, and each `aria-label` holding every run of the name
 *   (`labelled`; taking counts out of a label puts a space where they were, so no run spans
 *   one). A label names the element that carries it, so only that element is tested (its
 *   ancestors' names come from their own sources);
 * - a row's key cells (its row header, else its first two cells with text): its name is the
 *   normalised text of their text nodes in order, which keeps their letters a–z and digits in
 *   order (`İ` and the Kelvin sign lowercase to `i` and `k`), so the first of those nodes holding
 *   any of them holds a start of the name's, or the name's are a start of its own (a start of the
 *   node's text is enough to tell: a start of a start passes too). The row is among that node's
 *   ancestors, which are all tested;
 * - a heading at the container's start: a heading's name keeps its text's letters and digits in
 *   order, less the digits of counts (`(3)` in its text, a `5` badge in a node of its own). From
 *   its first text node with a letter on, nothing else is dropped: that node's own (bracketed
 *   counts out, one left open at its end out, digits before its first letter out) and the name's
 *   from its first letter on are a start of one another. The container is among that node's
 *   ancestors. Only a name without a letter is looked for among the page's heading-like elements
 *   (HEADERISH), their ancestors tested as well.
 *
 * One walk over the text nodes finds both; the page-wide heading query it replaces cost 3–6 ms on
 * 20k elements in Chromium, matched element by element against fifteen selectors.
 */
export function containersNamed(root: Root, name: string): ReadonlySet<Element> | undefined {
  const key = kept(name);
  if (key === '') return undefined;
  return remember(root, 'named', name, () => {
    const found = new Set<Element>(labelled(root, name));
    // Every ancestor of a key cell's or heading's text is asked, once.
    const seen = new Set<Element>();
    const climb = (from: Element | null): void => {
      for (let at = from; at && !seen.has(at); at = at.parentElement) {
        seen.add(at);
        if (nameOf(at)?.text === name) found.add(at);
      }
    };
    firstTexts(root, name, (text) => climb(text.parentElement));
    // A heading's text without a letter (`2024`) may lose digits to counts: asked by kind.
    if (!/[a-z]/.test(kept(name))) {
      for (const element of queryEach(root, HEADERISH.split(',')))
        if (nameText(element) === name) climb(element);
    }
    return found;
  });
}
