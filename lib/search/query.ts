import type { SearchLang } from './languages';
import { keyOf, tokens } from './tokenize';

/** A meaningful word of the query. */
export interface QueryWord {
  /** Folded, unstemmed: what typo and prefix matching start from. */
  word: string;
  /** The index key. */
  term: string;
  /** The last word, still being typed: also matches terms it is a prefix of. */
  prefix: boolean;
  /** Its keys in the query's other languages, where they differ (matched like `term`). */
  alts?: string[];
  /** Documentation words a vocabulary relates it to (vocabulary.ts), and what a title saying one
   * of them counts in the title re-rank. */
  related?: { terms: string[]; weight: number };
}

/** Queries are cut here before tokenising: nobody types more, and pasted pages must stay fast. */
export const MAX_QUERY_CHARS = 1000;
/** Distinct words kept from a query (the rarest are chosen when there are more; see search). */
export const MAX_QUERY_WORDS = 64;

/**
 * Splits a query into distinct meaningful words: stop words and question words dropped,
 * one-letter words dropped (a one-character query gives no words, so no scan at all). The first
 * of `langs` reads the words; each other language adds its key of the raw word as an `alt`.
 */
export function parseQuery(query: string, langs: readonly SearchLang[] = ['en']): QueryWord[] {
  const [lang = 'en', ...others] = langs;
  const text = query.length > MAX_QUERY_CHARS ? query.slice(0, MAX_QUERY_CHARS) : query;
  const typing = !/[\s\p{P}]$/u.test(text) && text.length < MAX_QUERY_CHARS;
  const found = tokens(text, MAX_QUERY_WORDS * 2, lang);
  const words: QueryWord[] = [];
  found.forEach((token, i) => {
    const last = i === found.length - 1 && typing && token.end === text.length;
    if (token.word.length < 2) return;
    const earlier = words.find((w) => w.term === token.term);
    if (earlier !== undefined) earlier.prefix ||= last;
    else
      words.push({
        word: token.word,
        term: token.term,
        prefix: last,
        ...altsOf(text.slice(token.start, token.end), token.term, others),
      });
  });
  return words.slice(0, MAX_QUERY_WORDS);
}

/** The keys `raw` has in `others`, besides `term`. */
function altsOf(raw: string, term: string, others: readonly SearchLang[]): { alts?: string[] } {
  if (others.length === 0) return {};
  const keys = new Set<string>();
  for (const other of others) {
    const key = keyOf(raw, other);
    if (key !== undefined && key !== term) keys.add(key);
  }
  return keys.size === 0 ? {} : { alts: [...keys] };
}
