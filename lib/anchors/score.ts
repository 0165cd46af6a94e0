import type { Landmark, Signature } from './types';

/**
 * How much each signal counts when it matches. Attributes teams add for automation are the
 * strongest evidence (they survive restyling and translation); labels and text come next; tag,
 * role and context confirm. A signal the anchor does not carry adds nothing either way.
 */
const ATTR_WEIGHTS: Record<string, number> = { type: 1, form: 2, id: 3, name: 3, 'data-field': 3 };
const TEST_ATTR_WEIGHT = 4;
const W = {
  tag: 1,
  role: 1,
  label: 3,
  field: 3,
  text: 3,
  dataText: 0.5,
  landmark: 3,
  ancestors: 2,
};

/**
 * Similarity for a matching (1) or conflicting (negative) signal. Conflicts are penalised because
 * a different label or test id is evidence of a different element, not just missing evidence;
 * translated labels are then carried by the attributes that did not change.
 */
const CONFLICT = {
  tag: -2,
  role: -1,
  attr: -1,
  label: -0.7,
  text: -0.5,
  landmark: -1,
  absent: -0.3,
};

const NONE: ReadonlySet<string> = new Set();

class Tally {
  gained = 0;
  possible = 0;
  add(weight: number, similarity: number): void {
    this.possible += weight;
    this.gained += weight * similarity;
  }
  get score(): number {
    return this.possible === 0 ? 0 : this.gained / this.possible;
  }
}

function compareAttrs(tally: Tally, anchor: Signature, candidate: Signature): void {
  for (const [name, value] of Object.entries(anchor.attrs ?? {})) {
    const other = candidate.attrs?.[name];
    const weight = ATTR_WEIGHTS[name] ?? TEST_ATTR_WEIGHT;
    tally.add(weight, other === undefined ? 0 : other === value ? 1 : CONFLICT.attr);
  }
}

/**
 * True when the anchor has identity attributes (not just `type`/`form`, nor values `shared` by
 * several elements of the page, like Workday's `textView`) and all of them match.
 */
export function identityAgrees(
  anchor: Signature,
  candidate: Signature,
  shared: ReadonlySet<string> = NONE,
): boolean {
  const names = Object.keys(anchor.attrs ?? {}).filter(
    (name) => name !== 'type' && name !== 'form' && !shared.has(name),
  );
  return (
    names.length > 0 && names.every((name) => candidate.attrs?.[name] === anchor.attrs?.[name])
  );
}

/**
 * Labels and text confirm when equal. When they differ, and stable attributes already say "same
 * element", the difference is a translation or a relabel and counts for nothing; without such
 * attributes it is evidence of another element.
 */
function compareTexts(
  tally: Tally,
  anchor: Signature,
  candidate: Signature,
  shared: ReadonlySet<string>,
): void {
  const translated = identityAgrees(anchor, candidate, shared);
  for (const key of ['label', 'field'] as const) {
    const mine = anchor[key];
    if (!mine) continue;
    const other = candidate[key];
    if (other === mine) tally.add(W[key], 1);
    else if (!translated) tally.add(W[key], other ? CONFLICT.label : CONFLICT.absent);
  }
  if (anchor.text) {
    const same = candidate.text === anchor.text;
    // Record data may differ on another record: it can confirm, never contradict.
    if (anchor.data) tally.add(W.dataText, same ? 1 : 0);
    else if (same) tally.add(W.text, 1);
    else if (!translated) tally.add(W.text, CONFLICT.text);
  }
}

export function compareLandmarks(anchor?: Landmark, candidate?: Landmark): number {
  if (!anchor) return candidate ? 0 : 1;
  if (!candidate) return CONFLICT.landmark;
  // A different kind of container (main vs dialog) is a different place, whatever else matches.
  if (anchor.role !== candidate.role) return -2;
  for (const [name, value] of Object.entries(anchor.attrs ?? {})) {
    const other = candidate.attrs?.[name];
    if (other !== undefined) return other === value ? 1 : -1.5;
  }
  if (anchor.label && candidate.label)
    return anchor.label === candidate.label ? 1 : CONFLICT.landmark;
  return 0.5;
}

function overlap(anchor: readonly string[], candidate: readonly string[] = []): number {
  const other = new Set(candidate);
  return anchor.filter((token) => other.has(token)).length / anchor.length;
}

function ownTally(anchor: Signature, candidate: Signature, shared: ReadonlySet<string>): Tally {
  const tally = new Tally();
  tally.add(W.tag, anchor.tag === candidate.tag ? 1 : CONFLICT.tag);
  if (anchor.role) tally.add(W.role, anchor.role === candidate.role ? 1 : CONFLICT.role);
  compareAttrs(tally, anchor, candidate);
  compareTexts(tally, anchor, candidate, shared);
  return tally;
}

/**
 * The best score `candidate` could reach whatever its context: its own signals as they are, the
 * landmark and ancestors as if they matched. Candidates under the threshold by this bound are
 * dropped before their context is read, which is what keeps large pages cheap.
 */
export function ownBound(anchor: Signature, candidate: Signature, shared = NONE): number {
  const tally = ownTally(anchor, candidate, shared);
  tally.add(W.landmark, 1);
  if (anchor.ancestors?.length) tally.add(W.ancestors, 1);
  return tally.score;
}

/** Normalised score in [-2, 1]: 1 when every recorded signal matches. */
export function scoreSignature(anchor: Signature, candidate: Signature, shared = NONE): number {
  const tally = ownTally(anchor, candidate, shared);
  tally.add(W.landmark, compareLandmarks(anchor.landmark, candidate.landmark));
  if (anchor.ancestors?.length)
    tally.add(W.ancestors, overlap(anchor.ancestors, candidate.ancestors));
  return tally.score;
}
