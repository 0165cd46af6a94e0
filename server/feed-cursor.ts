import type { Store } from './store';

/** The client's cursor cannot be continued: another database, garbage, or from the future. */
export class CursorExpiredError extends Error {}

/**
 * The sequence number a cursor (`<epoch>.<seq>`) continues from (0 for no cursor). A cursor
 * that looks ahead of what this instance knows is checked against the database before it is
 * refused: another instance may have served a change this one has not heard of yet, and a 410
 * would send that client into a full resync for nothing.
 */
export async function decodeCursor(store: Store, cursor: string | undefined): Promise<number> {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^([A-Za-z0-9_-]{1,64})\.(0|[1-9][0-9]{0,15})$/.exec(cursor);
  if (match === null)
    throw new CursorExpiredError('the cursor is malformed; start again from zero');
  if (match[1] !== store.epoch)
    throw new CursorExpiredError('the cursor belongs to another database; start again from zero');
  const seq = Number(match[2]);
  if (seq > (await store.lastSeq()) && seq > (await store.committedSeq()))
    throw new CursorExpiredError('the cursor is ahead of this database; start again from zero');
  return seq;
}
