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
  /** Index among look-alikes (same best score) and their count: the last-resort tie-breaker. */
  nth?: [index: number, count: number];
}

export interface Landmark {
  role: string;
  label?: string;
  attrs?: Record<string, string>;
}
