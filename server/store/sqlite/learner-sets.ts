import { learnerSetAdditions, withLearners, type LearningFact } from '../../insights/learner-sets';
import type { Db } from './database';
import { prepared, preparedPluck } from './statements';

/**
 * The learner sets of newly stored learning records (server/insights/learner-sets.ts), inside the
 * caller's transaction: SQLite has one writer, so a read, a union in JS and a write is atomic.
 */
export function storeLearnerSets(db: Db, facts: readonly LearningFact[]): void {
  if (facts.length === 0) return;
  const add = prepared(db, 'INSERT OR IGNORE INTO ins_learners (email) VALUES (?)');
  const find = preparedPluck(db, 'SELECT id FROM ins_learners WHERE email = ?');
  const ids = new Map<string, number>();
  for (const { email } of facts)
    if (!ids.has(email)) ids.set(email, (add.run(email), find.get(email) as number));
  const read = preparedPluck(
    db,
    'SELECT bits FROM ins_learner_sets WHERE kind = ? AND period = ? AND key = ? AND type = ?',
  );
  const write = prepared(
    db,
    `INSERT INTO ins_learner_sets (kind, period, key, type, bits) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, period, key, type) DO UPDATE SET bits = excluded.bits`,
  );
  for (const set of learnerSetAdditions(facts, (email) => ids.get(email)!)) {
    const key = [set.kind, set.period, set.key, set.type] as const;
    const held = read.get(...key) as string | undefined;
    const bits = withLearners(held ?? '', set.ids);
    if (bits !== undefined) write.run(...key, bits);
  }
}

/** Migration: the sets of the learning records stored before they existed. */
export function backfillLearnerSets(db: Db): void {
  const page = db.prepare(
    'SELECT id, email, team, day, type, subject FROM learning_records WHERE id > ? ORDER BY id LIMIT 5000',
  );
  for (let after = 0; ;) {
    const rows = page.all(after) as (LearningFact & { id: number })[];
    if (rows.length === 0) return;
    storeLearnerSets(db, rows);
    after = rows.at(-1)!.id;
  }
}
