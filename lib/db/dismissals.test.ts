import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaymarkDatabase } from './database';
import {
  allDismissals,
  clearDismissals,
  dismissedTipIds,
  dismissTip,
  isTipDismissed,
  undismissTip,
} from './dismissals';
import { testDatabase } from './test-support';

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
afterEach(() => db.close());

describe('dismissTip', () => {
  it('returns true from isTipDismissed when the tip was dismissed', async () => {
    await dismissTip(db, 't1', 5);
    expect(await isTipDismissed(db, 't1')).toBe(true);
  });

  it('returns the first time when a tip is dismissed twice', async () => {
    await dismissTip(db, 't1', 5);
    await dismissTip(db, 't1', 9);
    expect(await allDismissals(db)).toEqual([{ tipId: 't1', dismissedAt: 5 }]);
  });
});

describe('undismissTip', () => {
  it('returns false from isTipDismissed when the dismissal was undone', async () => {
    await dismissTip(db, 't1', 5);
    await undismissTip(db, 't1');
    expect(await isTipDismissed(db, 't1')).toBe(false);
  });
});

describe('dismissedTipIds', () => {
  it('returns every dismissed tip id', async () => {
    await dismissTip(db, 't1', 1);
    await dismissTip(db, 't2', 2);
    expect(await dismissedTipIds(db)).toEqual(new Set(['t1', 't2']));
  });
});

describe('clearDismissals', () => {
  it('returns no dismissals when they were cleared', async () => {
    await dismissTip(db, 't1', 1);
    await clearDismissals(db);
    expect(await allDismissals(db)).toEqual([]);
  });
});
