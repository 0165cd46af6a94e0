/**
 * The anchor format, version 1. Plain JSON so it can be stored in content files, synced and sent
 * between contexts. Every field besides `v`, `path` and `target` is optional: an anchor records
 * only the signals the element actually had.
 */
export interface Anchor {
  v: 1;
  /** Shadow hosts and iframes between the top document and the target, outermost first. */
  path: HostStep[];
  target: Signature;
  /** The `lang` of the target's document when the anchor was made: a change is a translation. */
  lang?: string;
}

export interface HostStep {
  /** `shadow`: descend through `shadowRoot`; `frame`: through `contentDocument`. */
  via: 'shadow' | 'frame';
  host: Signature;
}

/** What one element looks like, in signals that survive re-renders. */
export interface Signature {
  tag: string;
  /** Stable attributes only (test ids, name, non-generated id, input type). */
  attrs?: Record<string, string>;
  role?: string;
  /** Accessible name from labelling (label, aria-label(ledby), placeholder, title, alt, legend). */
  label?: string;
  /** Visible text (normalised, truncated) for elements named by their content. */
  text?: string;
  /** The text looks like record data (long, digit-heavy): it is weighted low and never required. */
  data?: boolean;
  /** Nearest landmark/region/form/dialog, described by its own signals. */
  landmark?: Landmark;
  /** Stable attribute tokens of all ancestors: a set, so added or removed wrappers only dilute it. */
  ancestors?: string[];
  /**
   * The label of the field this element is the value of (a phone number beside "Phone"): values
   * are data, so they are found through their field, never through their text.
   */
  field?: string;
  /**
   * Names of the containers around the element, nearest first (a related list's title, a board
   * column's heading, a row's key cell, a region's label). With `nth` (look-alikes existed when the
   * anchor was made) these names are binding: only a look-alike in containers of these names is
   * the element. Without `nth` they only choose among look-alikes that appeared later.
   */
  scope?: string[];
  /**
   * Text just before the element, recorded when look-alikes sat in containers of the same names:
   * then only this tells them apart, and it is binding ('' when nothing came before).
   */
  near?: string;
  /**
   * Set when the page held look-alikes of the element (nearly the same signals) when the anchor
   * was made: its index among them in document order and their count. Only a record that
   * look-alikes existed; position never decides which one is meant.
   */
  nth?: [index: number, count: number];
}

export interface Landmark {
  role: string;
  label?: string;
  attrs?: Record<string, string>;
}
