import { containerNames, nearText } from '../containers';
import type * as InScopeModule from '../in-scope';
import type * as PickModule from '../pick';
import { rank, THRESHOLD, type Scored } from '../rank';
import type { Signature } from '../types';

/**
 * The differential check of the resolver's shortcuts: every `pick` made while resolving (on every
 * scenario and generated page) is compared with the full rule of ADR 0007 written out without
 * them — every look-alike's containers named, no early exit. `vi.mock('../pick', withFullPick)`
 * routes the resolver's picks through `checkedPick`; `disagreements` lists any difference.
 */
export const disagreements: string[] = [];
/**
 * How many picks, answers from inside the containers and answers for anchors made without
 * look-alikes (lone.ts) were compared: nothing compared proves nothing.
 */
export const compared = { picks: 0, scoped: 0, lone: 0 };

type Pick = typeof PickModule;

/** Every look-alike in the recorded containers (and after the recorded text), none skipped. */
function fullByContainer(
  actual: Pick,
  anchor: Signature,
  alike: readonly Scored[],
  ranked: readonly Scored[],
): Element | undefined {
  const scope = anchor.scope ?? [];
  const inPlace = (entry: Scored) => actual.startsWith(containerNames(entry.element), scope);
  const only = alike.length === 1 ? alike[0] : undefined;
  if (anchor.nth === undefined && only) {
    const rival = ranked.some((e) => e !== only && e.score >= actual.RIVAL && inPlace(e));
    return inPlace(only) || !rival ? only.element : undefined;
  }
  let pool = alike.filter(inPlace);
  if (anchor.near !== undefined) {
    const copies = new Set(pool.map((entry) => actual.ownKey(entry.signature))).size === 1;
    pool = copies ? pool.filter((entry) => (nearText(entry.element) ?? '') === anchor.near) : [];
  }
  return pool.length === 1 ? pool[0]?.element : undefined;
}

export function fullPick(
  actual: Pick,
  anchor: Signature,
  ranked: readonly Scored[],
): Element | undefined {
  const best = ranked[0];
  if (!best || best.score < THRESHOLD) return undefined;
  const alike = actual.lookAlikes(ranked, anchor);
  if (anchor.scope === undefined && anchor.nth === undefined) {
    return alike.length === 1 ? alike[0]?.element : undefined;
  }
  return fullByContainer(actual, anchor, alike, ranked);
}

/** `pick` as the resolver calls it, with its answer compared to `fullPick`'s. */
export function checkedPick(actual: Pick): Pick['pick'] {
  return (anchor, ranked) => {
    const fast = actual.pick(anchor, ranked);
    const full = fullPick(actual, anchor, ranked);
    compared.picks += 1;
    if (fast !== full) disagreements.push(`${JSON.stringify(anchor).slice(0, 200)}`);
    return fast;
  };
}

/** The `vi.mock` factory for '../pick' (or './pick'): the real module, its picks checked. */
export async function withFullPick(importActual: <T>() => Promise<T>): Promise<Pick> {
  const actual = await importActual<Pick>();
  return { ...actual, pick: checkedPick(actual) };
}

type InScope = typeof InScopeModule;

/**
 * The `vi.mock` factory for '../in-scope': every answer found inside the recorded containers is
 * compared with what the whole page gives (`rank` of every candidate, then the full rule).
 */
export async function withFullInScope(importActual: <T>() => Promise<T>): Promise<InScope> {
  const actual = await importActual<InScope>();
  const pick = await import('../pick');
  return {
    ...actual,
    pickInScope: (root, anchor) => {
      const fast = actual.pickInScope(root, anchor);
      if (fast === undefined) return fast;
      const ranked = rank(root, anchor, pick.RIVAL);
      const passes = (ranked[0]?.score ?? -Infinity) >= THRESHOLD;
      compared.scoped += 1;
      if (anchor.nth === undefined) compared.lone += 1;
      if (!passes || (fast ?? undefined) !== fullPick(pick, anchor, ranked))
        disagreements.push(`in scope: ${JSON.stringify(anchor).slice(0, 200)}`);
      return fast;
    },
  };
}
