import { describe, expect, it } from 'vitest';
import { CursorExpiredError, decodeCursor } from './feed-cursor';
import type { Store } from './store';

/** A store whose in-memory last sequence trails the database's, as a lagging instance's does. */
function lagging(known: number, committed: number): Store {
  return {
    epoch: 'EPOCH',
    lastSeq: () => Promise.resolve(known),
    committedSeq: () => Promise.resolve(committed),
  } as Store;
}

describe('decodeCursor', () => {
  it('returns 0 for no cursor and the sequence of a known one', async () => {
    expect(await decodeCursor(lagging(5, 5), undefined)).toBe(0);
    expect(await decodeCursor(lagging(5, 5), 'EPOCH.4')).toBe(4);
  });

  it('accepts a cursor ahead of what this instance knows when the database has it', async () => {
    expect(await decodeCursor(lagging(3, 7), 'EPOCH.7')).toBe(7);
  });

  it.each([
    ['ahead of the database too', 'EPOCH.8'],
    ['from another database', 'OTHER.1'],
    ['malformed', 'EPOCH.x'],
  ])('throws CursorExpiredError for a cursor %s', async (_what, cursor) => {
    await expect(decodeCursor(lagging(3, 7), cursor)).rejects.toThrow(CursorExpiredError);
  });
});
