import type { SearchLang } from './languages';
import { tokensOf, type WantedTerms } from './tokenize';
import type { Highlight, HighlightField } from './types';

/** Characters of context kept before the first match when a snippet is cut from longer text. */
const LEAD = 40;

/**
 * The matched words of `text` as ranges into a snippet of at most `maxLength` characters, cut
 * around the first match (with a leading "…" when cut). Plain text and offsets: the UI decides how
 * to mark them, so no HTML is ever built here. Undefined when nothing matches.
 */
export function highlight(
  field: HighlightField,
  text: string,
  wanted: WantedTerms,
  maxLength: number,
  lang: SearchLang = 'en',
): Highlight | undefined {
  const hits = tokensOf(text, wanted, lang);
  const first = hits[0];
  if (first === undefined) return undefined;
  if (text.length <= maxLength) {
    return { field, text, ranges: hits.map((t) => [t.start, t.end]) };
  }
  let start = Math.max(0, first.start - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first.start ? space + 1 : start;
  }
  const lead = start > 0 ? '…' : '';
  const end = Math.min(text.length, start + maxLength - lead.length);
  const ranges: [number, number][] = hits
    .filter((t) => t.start >= start && t.end <= end)
    .map((t) => [t.start - start + lead.length, t.end - start + lead.length]);
  return { field, text: lead + text.slice(start, end), ranges };
}
