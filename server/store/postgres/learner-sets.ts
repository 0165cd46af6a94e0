import {
  learnerSetAdditions,
  withLearners,
  type LearnerSetAddition,
  type LearningFact,
} from '../../insights/learner-sets';
import type { Query } from './connect';

/**
 * The learner sets of newly stored learning records (server/insights/learner-sets.ts), inside the
 * caller's transaction. Instances may add to one set at once: the rows are made first (empty),
 * then locked in key order (FOR UPDATE: the latest committed bits), unioned in JS and written.
 */
export async function storeLearnerSets(tx: Query, facts: readonly LearningFact[]): Promise<void> {
  if (facts.length === 0) return;
  const emails = [...new Set(facts.map((f) => f.email))].sort();
  await tx`INSERT INTO ins_learners (email) SELECT unnest(${emails}::text[]) ON CONFLICT DO NOTHING`;
  const learners = await tx<{ id: number; email: string }[]>`
    SELECT id, email FROM ins_learners WHERE email = ANY(${emails}::text[])`;
  const ids = new Map(learners.map((l) => [l.email, l.id]));
  const sets = learnerSetAdditions(facts, (email) => ids.get(email)!);
  const col = (f: (s: LearnerSetAddition) => string) => sets.map(f);
  const keys = [col((s) => s.kind), col((s) => s.period), col((s) => s.key), col((s) => s.type)];
  await tx`INSERT INTO ins_learner_sets (kind, period, key, type, bits)
    SELECT *, '' FROM unnest(${keys[0]!}::text[], ${keys[1]!}::text[], ${keys[2]!}::text[],
      ${keys[3]!}::text[])
    ON CONFLICT DO NOTHING`;
  const held = await tx<
    { kind: string; period: string; key: string; type: string; bits: string }[]
  >`
    SELECT s.kind, s.period, s.key, s.type, s.bits FROM ins_learner_sets s
    JOIN unnest(${keys[0]!}::text[], ${keys[1]!}::text[], ${keys[2]!}::text[], ${keys[3]!}::text[])
      AS k(kind, period, key, type)
      ON s.kind = k.kind AND s.period = k.period AND s.key = k.key AND s.type = k.type
    ORDER BY s.kind, s.period, s.key, s.type FOR UPDATE OF s`;
  const bitsOf = new Map(held.map((h) => [`${h.kind}\n${h.period}\n${h.key}\n${h.type}`, h.bits]));
  const changed = sets.flatMap((s) => {
    const bits = withLearners(
      bitsOf.get(`${s.kind}\n${s.period}\n${s.key}\n${s.type}`) ?? '',
      s.ids,
    );
    return bits === undefined ? [] : [{ ...s, bits }];
  });
  if (changed.length === 0) return;
  const c = (f: (s: (typeof changed)[number]) => string) => changed.map(f);
  await tx`UPDATE ins_learner_sets s SET bits = u.bits
    FROM unnest(${c((s) => s.kind)}::text[], ${c((s) => s.period)}::text[],
      ${c((s) => s.key)}::text[], ${c((s) => s.type)}::text[], ${c((s) => s.bits)}::text[])
      AS u(kind, period, key, type, bits)
    WHERE s.kind = u.kind AND s.period = u.period AND s.key = u.key AND s.type = u.type`;
}

/** Migration: the sets of the learning records stored before they existed. */
export async function backfillLearnerSets(tx: Query): Promise<void> {
  for (let after = 0; ;) {
    const rows = await tx<(LearningFact & { id: number })[]>`
      SELECT id, email, team, day, type, subject FROM learning_records
      WHERE id > ${after} ORDER BY id LIMIT 5000`;
    if (rows.length === 0) return;
    await storeLearnerSets(tx, rows);
    after = Number(rows.at(-1)!.id);
  }
}
