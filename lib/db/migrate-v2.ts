import type { Transaction } from 'dexie';
import { z } from 'zod';
import type { Item } from '@/lib/content-model';
import type { Dismissal } from './dismissals';
import { indexKeys, type ItemRow } from './item-row';
import type { LessonProgress } from './progress';
import type { Vote } from './votes';

/**
 * v1 → v2. What release 1 stored, read with zod (it is stored JSON from an older version):
 * - items: the bare item; v2 wraps it with its index keys (`*apps`, `*screens`, `status`).
 * - progress: auto-increment id, one or more rows per lesson, ISO dates, `step`/`done`, answers
 *   as `{picked, correct}`; v2 has one row per lesson in `lessonProgress`, epoch milliseconds.
 * - settings rows `dismissedTips` (tip ids) and `helpfulVotes` ({itemId: 'up'|'down'}); v2 moves
 *   them into `dismissals` and `votes`, with the upgrade time as their time (v1 kept none).
 * A row that cannot be read is left where it was (settings) or kept as it is (items: reading
 * skips and reports it), so nothing is dropped silently.
 */
export const V1_DISMISSED_KEY = 'dismissedTips';
export const V1_VOTES_KEY = 'helpfulVotes';

const isoTime = z.string().transform((text, ctx) => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: 'not a date' });
  return ms;
});

export const v1ProgressSchema = z.object({
  id: z.number(),
  lessonId: z.string().min(1),
  step: z.number().int().min(0).catch(0),
  done: z.array(z.number().int().min(0)).catch([]),
  answers: z
    .record(z.string(), z.object({ picked: z.array(z.string()), correct: z.boolean() }))
    .catch({}),
  startedAt: isoTime.optional().catch(undefined),
  finishedAt: isoTime.optional().catch(undefined),
});
export type V1Progress = z.input<typeof v1ProgressSchema>;

const v1DismissedSchema = z.array(z.string().min(1));
const v1VotesSchema = z.record(z.string().min(1), z.enum(['up', 'down']));

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = Date.now();
  await tx
    .table<ItemRow | Item, string>('items')
    .toCollection()
    .modify((row, ref) => {
      const item = 'item' in row ? row.item : row;
      ref.value = { id: item.id, type: item.type, status: item.status, ...indexKeys(item), item };
    });
  await migrateProgress(tx, now);
  await migrateSettings(tx, now);
}

async function migrateProgress(tx: Transaction, now: number): Promise<void> {
  const rows = await tx.table<unknown, number>('progress').toArray();
  const merged = new Map<string, LessonProgress>();
  for (const raw of rows) {
    const parsed = v1ProgressSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('Waymark store: v1 progress row without a lesson id dropped', raw);
      continue;
    }
    const row = convertProgress(parsed.data, now);
    const earlier = merged.get(row.lessonId);
    merged.set(row.lessonId, earlier === undefined ? row : mergeProgress(earlier, row));
  }
  await tx.table<LessonProgress, string>('lessonProgress').bulkPut([...merged.values()]);
}

function convertProgress(row: z.output<typeof v1ProgressSchema>, now: number): LessonProgress {
  const startedAt = row.startedAt ?? row.finishedAt ?? now;
  const updatedAt = Math.max(startedAt, row.finishedAt ?? startedAt);
  const answers = Object.fromEntries(
    Object.entries(row.answers).map(([id, a]) => [
      id,
      { choices: a.picked, correct: a.correct, answeredAt: updatedAt },
    ]),
  );
  return {
    lessonId: row.lessonId,
    currentStep: row.step,
    completedSteps: [...new Set(row.done)].sort((a, b) => a - b),
    answers,
    startedAt,
    updatedAt,
    ...(row.finishedAt === undefined ? {} : { completedAt: row.finishedAt }),
  };
}

/** v1 could hold several rows for one lesson (restarts): keep everything, the later row winning. */
function mergeProgress(earlier: LessonProgress, later: LessonProgress): LessonProgress {
  const completedAt = [earlier.completedAt, later.completedAt].filter((t) => t !== undefined);
  return {
    ...later,
    completedSteps: [...new Set([...earlier.completedSteps, ...later.completedSteps])].sort(
      (a, b) => a - b,
    ),
    answers: { ...earlier.answers, ...later.answers },
    startedAt: Math.min(earlier.startedAt, later.startedAt),
    updatedAt: Math.max(earlier.updatedAt, later.updatedAt),
    ...(completedAt.length > 0 ? { completedAt: Math.min(...completedAt) } : {}),
  };
}

async function migrateSettings(tx: Transaction, now: number): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const dismissed = v1DismissedSchema.safeParse((await settings.get(V1_DISMISSED_KEY))?.value);
  if (dismissed.success) {
    const rows = dismissed.data.map((tipId): Dismissal => ({ tipId, dismissedAt: now }));
    await tx.table<Dismissal, string>('dismissals').bulkPut(rows);
    await settings.delete(V1_DISMISSED_KEY);
  }
  const votes = v1VotesSchema.safeParse((await settings.get(V1_VOTES_KEY))?.value);
  if (votes.success) {
    const rows = Object.entries(votes.data).map(([itemId, vote]): Vote => ({
      itemId,
      helpful: vote === 'up',
      votedAt: now,
    }));
    await tx.table<Vote, string>('votes').bulkPut(rows);
    await settings.delete(V1_VOTES_KEY);
  }
}
