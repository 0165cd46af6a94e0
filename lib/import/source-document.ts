import type { Root } from 'hast';
import type { ImportSystem } from '@/lib/content-model';

/** A problem or notice found while importing, reported as `file:line: message`. */
export interface ImportNotice {
  file: string;
  line: number;
  message: string;
}

/** What a source's own transform may use: item links and notices at a line of the tree. */
export interface PrepareContext {
  /** The href of the Waymark item a source key (see `linkKeys`) was imported as, if any. */
  itemHref: (key: string) => string | undefined;
  /** Records a notice at a 1-based line of the HTML being converted. */
  notice: (line: number | undefined, message: string) => void;
}

/**
 * One article read from a source system, before conversion: what every importer produces and the
 * planner turns into Waymark items. Pure data plus the source's own URL rules.
 */
export interface SourceDocument {
  system: ImportSystem;
  /** The document's id in its system (Zendesk article id, Confluence page id, Guru card id, path). */
  sourceId: string;
  url?: string;
  /** ISO date-time of the source's last change, when the source says. */
  updatedAt?: string;
  title: string;
  /** The body as HTML (Markdown sources are rendered to HTML first, then go the same way). */
  html: string | Root;
  /** True when `html` is a whole document rather than a fragment. */
  document?: boolean;
  tags: string[];
  /** The owner the source names (an email), if any. */
  owner?: string;
  /** Where the body was read, for notices: the file and the line the HTML starts on. */
  file: string;
  line: number;
  /** Keys by which other documents' links point at this one (see `linkKey`). */
  linkKeys: string[];
  /** The source key a URL in this document's body points at, if it names another document. */
  linkKey: (url: string) => string | undefined;
  /** A URL in the body that is not another imported document, made absolute where possible. */
  resolveUrl: (url: string, kind: 'link' | 'image') => string | undefined;
  /** The source's own elements (macros) turned into plain HTML, before sanitising. */
  prepare?: (tree: Root, context: PrepareContext) => void;
}
