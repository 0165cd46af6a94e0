import type { SearchLang } from './languages';

/** What the search index needs of a knowledge item (see `itemToSearchDoc`). */
export interface SearchDoc {
  id: string;
  title: string;
  /** Short description; weighted between the title and the body. */
  summary?: string;
  tags?: string[];
  /** Plain text (Markdown syntax stripped). */
  body?: string;
  type?: string;
  /** The language its text is analysed in (languages/): absent is English. */
  lang?: SearchLang;
  apps?: string[];
  /** `app:screen` references. */
  screens?: string[];
  /** Empty or absent: for everyone. */
  roles?: string[];
  /** Empty or absent: for every team. */
  teams?: string[];
}

export interface SearchOptions {
  /** Maximum hits returned (default 10, at most 100). */
  limit?: number;
  /** Keep items for everyone plus those listing this role / team. */
  filter?: { role?: string; team?: string };
  /** Lift items targeted at the user's current app, more for the current `app:screen`. */
  boost?: { app?: string; screen?: string };
  /** Re-rank the best candidates by how much of the query their titles say (default: the
   * index's `rerank` feature, on). */
  rerank?: boolean;
  /**
   * The languages the query is read in, the user's first: the first language's stop words and
   * key decide each word, the others' keys are matched too (a German user also sees English
   * items that have no German version). Default English.
   */
  langs?: readonly SearchLang[];
}

export const HIGHLIGHT_FIELDS = ['title', 'summary', 'body'] as const;
export type HighlightField = (typeof HIGHLIGHT_FIELDS)[number];

/** A piece of stored text with the matched words as `[start, end)` ranges into `text`. */
export interface Highlight {
  field: HighlightField;
  text: string;
  ranges: [number, number][];
}

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  type?: string;
  highlights: Highlight[];
}
