const MAX_TEXT = 80;

/** Collapses whitespace, lowercases and drops the decorations labels carry (`Priority *`, `Name:`). */
export function normaliseText(raw: string | null | undefined): string {
  return (raw ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/, '')
    .toLowerCase()
    .slice(0, MAX_TEXT);
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
