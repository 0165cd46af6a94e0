import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import { testDatabase } from './test-support';
import { allVotes, clearVote, getVote, setVote } from './votes';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('setVote', () => {
  it('returns the vote with its time when an item is voted on', async () => {
    await setVote(db, 'a', true, 10);
    expect(await getVote(db, 'a')).toEqual({ itemId: 'a', helpful: true, votedAt: 10 });
  });

  it('returns the changed answer when the vote is changed', async () => {
    await setVote(db, 'a', true, 10);
    await setVote(db, 'a', false, 20);
    expect(await allVotes(db)).toEqual([{ itemId: 'a', helpful: false, votedAt: 20 }]);
  });
});

describe('clearVote', () => {
  it('returns undefined when the vote was withdrawn', async () => {
    await setVote(db, 'a', true, 10);
    await clearVote(db, 'a');
    expect(await getVote(db, 'a')).toBeUndefined();
  });
});
