import type { FeedbackReason } from '@/lib/insights';
import type { WaymarkDatabase } from './database';

/** The user's answer to "Was this helpful?" on an item; one per item, changeable. */
export interface Vote {
  itemId: string;
  helpful: boolean;
  /** Why, from the fixed list (lib/insights/events.ts), when the user said. */
  reason?: FeedbackReason | undefined;
  /** When the current answer was given, epoch milliseconds. */
  votedAt: number;
}

/** Records or changes the vote on an item. */
export async function setVote(
  db: WaymarkDatabase,
  itemId: string,
  helpful: boolean,
  at: number = Date.now(),
  reason?: FeedbackReason,
): Promise<Vote> {
  const vote: Vote = { itemId, helpful, votedAt: at, ...(reason ? { reason } : {}) };
  await db.votes.put(vote);
  return vote;
}

export async function getVote(db: WaymarkDatabase, itemId: string): Promise<Vote | undefined> {
  return db.votes.get(itemId);
}

export async function clearVote(db: WaymarkDatabase, itemId: string): Promise<void> {
  await db.votes.delete(itemId);
}

export async function allVotes(db: WaymarkDatabase): Promise<Vote[]> {
  return db.votes.orderBy('votedAt').toArray();
}
