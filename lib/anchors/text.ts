const MAX_TEXT = 80;
/** Enough raw text that its first MAX_TEXT normalised characters are those of the whole. */
const ENOUGH_TEXT = 2 * MAX_TEXT;

/**
 * What the first three steps of `normaliseText` change: whitespace other than a lone space, a
 * space at either end, a trailing colon or asterisk. Text without any is left as it is by them.
 */
const UNTIDY = /[^\S ]| {2}|^ | $|[:*]$/;

/** Collapses whitespace, lowercases and drops the decorations labels carry (`Priority *`, `Name:`). */
export function normaliseText(raw: string | null | undefined): string {
  if (!raw) return ''; // most labelling sources are absent: no regex work for them
  // Already collapsed and trimmed (most labels and button texts): one test instead of three passes.
  if (!UNTIDY.test(raw)) return raw.toLowerCase().slice(0, MAX_TEXT);
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/, '')
    .toLowerCase()
    .slice(0, MAX_TEXT);
}

/**
 * The element's text content, read only as far as normalising needs: a container of 10k
 * elements costs as little as a button. Same result as `normaliseText(textContent)`.
 */
export function boundedText(element: Element): string {
  if (element.firstElementChild === null) return normaliseText(element.textContent);
  let raw = '';
  let solid = 0;
  for (let node: Node | null = element.firstChild; node && solid < ENOUGH_TEXT;) {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      raw += value;
      solid += value.replace(/\s+/g, '').length;
    }
    node = nextInside(node, element);
  }
  return normaliseText(raw);
}

/** Document-order successor of `node` within `root` (text and comments included). */
function nextInside(node: Node, root: Element): Node | null {
  if (node.firstChild && node.nodeType === 1) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** Text that is only a count (`3`, `(12)`, `99+`): a badge beside a name, not part of it. */
export const COUNT = /^\s*[([]?[\d.,+]+[)\]]?\s*$/;
/** A count in brackets beside a name (`Contacts (3)`): it changes with the data while the name stays. */
export const BRACKETED_COUNT = /[([]\s*[\d.,+]+\s*[)\]]/g;

/**
 * A container's name as its heading shows it, without the counts apps put beside it
 * (`Contacts (3)`, a `5` badge after `To Do`), which change with the data while the name stays.
 * A number inside the words (`Sprint 13`) is part of the name.
 */
export function nameText(element: Element): string {
  let raw = '';
  for (let node: Node | null = element.firstChild; node && raw.length < ENOUGH_TEXT;) {
    if (node.nodeType === 3 && !(node.parentNode !== element && COUNT.test(node.nodeValue ?? '')))
      raw += node.nodeValue ?? '';
    node = nextInside(node, element);
  }
  return normaliseText(raw.replace(BRACKETED_COUNT, ' '));
}

/**
 * Record data (ticket subjects, customer names, numbers, dates) changes from record to record on
 * the same screen, so it must never be required to match. UI text is short and rarely has digits.
 */
export function looksLikeData(text: string): boolean {
  if (text.length > 40) return true;
  const digits = (text.match(/\d/g) ?? []).length;
  if (digits >= 3 || (digits > 0 && digits / text.length > 0.2)) return true;
  return /@|#\d|\d[/.-]\d/.test(text);
}
