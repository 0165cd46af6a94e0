/**
 * Distinct learners, exactly, over any period, without reading every learning record in it.
 *
 * Each learner has a small integer id (ins_learners). For every day — and every calendar month —
 * and every lesson or path (`subject`) or team, and record type, ins_learner_sets keeps the set
 * of learners who have a record there, as a bitmap (bit n: learner n; hex text, so both backends
 * and `waymark db copy` carry it as text). A period's distinct learners are the popcount of the
 * union of its months' and remaining days' sets: a year is ~12 month sets and a few dozen day sets
 * per subject instead of every record. Sets are exact (no sketch), so the k thresholds (3/5/10)
 * stay exact. Updated in the transaction that inserts the learning records (ADR 0014).
 */

export type LearnerSetKind = 'subject' | 'team';

/** A month's set is keyed by 'YYYY-MM', a day's by 'YYYY-MM-DD'. */
export interface LearnerSetKey {
  kind: LearnerSetKind;
  period: string;
  key: string;
  type: string;
}

export interface LearningFact {
  email: string;
  team: string;
  day: string;
  type: string;
  subject: string;
}

/** A set that must hold these learners: `ids` to add to whatever it holds. */
export interface LearnerSetAddition extends LearnerSetKey {
  ids: number[];
}

const keyText = (k: LearnerSetKey) => `${k.kind}\n${k.period}\n${k.key}\n${k.type}`;

/**
 * The sets a batch's learning records touch (day and month, by subject and by team), each with
 * the learner ids to add; sorted by key, so PostgreSQL instances lock rows in the same order.
 */
export function learnerSetAdditions(
  facts: readonly LearningFact[],
  idOf: (email: string) => number,
): LearnerSetAddition[] {
  const sets = new Map<string, LearnerSetAddition>();
  for (const fact of facts) {
    const id = idOf(fact.email);
    for (const period of [fact.day, fact.day.slice(0, 7)])
      for (const [kind, key] of [
        ['subject', fact.subject],
        ['team', fact.team],
      ] as const) {
        const k = { kind, period, key, type: fact.type };
        const text = keyText(k);
        const set = sets.get(text) ?? { ...k, ids: [] };
        sets.set(text, set);
        if (!set.ids.includes(id)) set.ids.push(id);
      }
  }
  return [...sets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, set]) => set);
}

/** `bits` (hex, '' for none) with `ids` added, or undefined when it already held them all. */
export function withLearners(bits: string, ids: readonly number[]): string | undefined {
  const top = Math.max(...ids) >> 3;
  const bytes = Buffer.alloc(Math.max(bits.length / 2, top + 1));
  Buffer.from(bits, 'hex').copy(bytes);
  let changed = false;
  for (const id of ids) {
    const mask = 1 << (id & 7);
    if ((bytes[id >> 3]! & mask) === 0) changed = true;
    bytes[id >> 3]! |= mask;
  }
  return changed ? bytes.toString('hex') : undefined;
}

/** Unions hex bitmaps into `into` (grown as needed). */
export function unionInto(into: Uint8Array, bits: string): Uint8Array {
  const add = Buffer.from(bits, 'hex');
  let out = into;
  if (add.length > into.length) {
    out = new Uint8Array(add.length);
    out.set(into);
  }
  for (let i = 0; i < add.length; i++) out[i]! |= add[i]!;
  return out;
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let x = b; x > 0; x >>= 1) n += x & 1;
  return n;
});

export function countLearners(bits: Uint8Array): number {
  let n = 0;
  for (const byte of bits) n += POPCOUNT[byte]!;
  return n;
}
