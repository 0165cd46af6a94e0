/**
 * What a failed search's words may become before they leave the device: normalised (NFKC,
 * lower-case, collapsed spaces, at most 8 words and 64 characters) and scrubbed of anything that
 * identifies a person, a customer or a record — e-mail addresses, URLs and host names, phone
 * numbers, UUIDs, hex ids and long letter-and-digit ids are dropped; every other run of digits
 * becomes `#`. What is left may still name someone ("refund for jane"): that is why the server
 * shows a query only once enough distinct people typed it (k-anonymity.ts).
 */
export const MAX_QUERY_WORDS = 8;
export const MAX_QUERY_CHARS = 64;

/** Whole tokens (split on white space) that are dropped. */
const DROPPED_TOKENS: readonly RegExp[] = [
  // E-mail addresses (and @mentions).
  /@/,
  // URLs with a scheme (http:, mailto:, tel:…), and anything shaped like a host or a path.
  /^[a-z][a-z0-9+.-]*:\/*\S/,
  /^www\./,
  /^[^\s/]*[a-z0-9-]\.[a-z]{2,24}(?::\d+)?(?:[/?#]|$)/,
  /\/\S*\//,
  // UUIDs and hex ids (0x…, or eight and more hex digits with at least one digit).
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
  /^(?:0x)?(?=[a-f]*\d)[0-9a-f]{8,}$/,
  /^0x[0-9a-f]+$/,
];

/**
 * Record-like ids: eight characters or more where letters and digits alternate at least three
 * times (Salesforce `500dn00000abcde`, `a12b34c56`), unlike words with a number (`windows10`,
 * `error-404`), which keep their letters.
 */
function isMixedId(token: string): boolean {
  if (token.length < 8) return false;
  let changes = 0;
  let last: 'letter' | 'digit' | undefined;
  for (const char of token) {
    const kind = /\p{Nd}/u.test(char) ? 'digit' : /\p{L}/u.test(char) ? 'letter' : undefined;
    if (kind === undefined) continue;
    if (last !== undefined && kind !== last) changes += 1;
    last = kind;
  }
  return changes >= 3;
}

const dropped = (token: string) =>
  isMixedId(token) || DROPPED_TOKENS.some((pattern) => pattern.test(token));

/**
 * Phone numbers: an optional +, then at least 7 digits in groups separated by spaces, dots,
 * dashes or brackets. Dropped before tokens are split, since they span several.
 */
const PHONE = /(?:\+|\b)\d(?:[\s().-]{0,3}\d){6,}\b/g;

/** Punctuation kept inside words (hyphens, apostrophes, #); everything else becomes a space. */
const SEPARATORS = /[^\p{L}\p{N}\s#'’-]+/gu;

/**
 * The query as it may be sent, or undefined when nothing is left. Deterministic and idempotent:
 * scrubbing a scrubbed query changes nothing.
 */
export function scrubQuery(raw: string): string | undefined {
  return limit(scrubWords(raw));
}

/**
 * The words of `raw` that may leave the device, in order: lower-cased (NFKC), with e-mail
 * addresses, URLs and host names, phone numbers, UUIDs and ids dropped and digit runs as `#`.
 * Also used for a content request's own words (content-requests.ts), which keep more of them.
 */
export function scrubWords(raw: string): string[] {
  const text = raw.normalize('NFKC').toLowerCase().normalize('NFKC');
  // Whole tokens first (a UUID's digit groups must not be taken for a phone number), then phone
  // numbers, which span tokens.
  const tokens = text.split(/\s+/).filter((token) => token !== '' && !dropped(token));
  const kept: string[] = [];
  for (const token of tokens.join(' ').replace(PHONE, ' ').split(/\s+/)) {
    const cleaned = token
      .replace(SEPARATORS, ' ')
      .replace(/\p{Nd}+/gu, '#')
      .replace(/#+/g, '#')
      .trim();
    for (const word of cleaned.split(/\s+/)) {
      const trimmed = word.replace(/^[-'’]+|[-'’]+$/g, '');
      if (trimmed !== '') kept.push(trimmed);
    }
  }
  return kept;
}

/** At most MAX_QUERY_WORDS words and MAX_QUERY_CHARS characters, cut at a word boundary. */
function limit(words: string[]): string | undefined {
  let out = '';
  for (const word of words.slice(0, MAX_QUERY_WORDS)) {
    const next = out === '' ? word : `${out} ${word}`;
    if (next.length > MAX_QUERY_CHARS) {
      // Only a first word longer than the limit is cut (by code point, never inside a pair).
      if (out === '') out = cut(word);
      break;
    }
    out = next;
  }
  return out === '' ? undefined : out;
}

function cut(word: string): string {
  let out = '';
  for (const char of word) {
    if (out.length + char.length > MAX_QUERY_CHARS) break;
    out += char;
  }
  return out.replace(/[-'’]+$/, '');
}
