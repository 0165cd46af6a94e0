import type { EventOf, InsightEvent } from './events';

/**
 * Repeats fold into one queued row while it is unsent (a tip shown on every page view is one row a
 * day with a count), so the outbox stays small. Once a row is sealed for sending it never changes
 * again — its seq is the idempotency key — and the next repeat starts a new row.
 */

const MAX_COUNT = 1_000_000;

const key = (...parts: (string | boolean | undefined)[]) => JSON.stringify(parts);

/** The key repeats of `event` fold under, or undefined for an event that never folds. */
export function coalesceKey(event: InsightEvent): string | undefined {
  switch (event.type) {
    case 'suggestion_shown':
    case 'item_read':
      return key(event.type, event.day, event.app, event.screen, event.item);
    case 'tip_shown':
    case 'tip_unresolved':
      return key(event.type, event.day, event.app, event.screen, event.tip);
    case 'record_view':
      return key(event.type, event.day, event.app, event.screen, event.help);
    case 'record_guidance':
      return key(event.type, event.day, event.app, event.record);
    case 'outbox_dropped':
      return key(event.type, event.day);
    case 'feedback':
      // Not per day: a changed answer takes the place of the unsent one whenever it comes.
      return key(event.type, event.item);
    default:
      return undefined;
  }
}

/** What folding `next` into the queued, unsent `queued` (same key) gives. */
export type Fold =
  | { kind: 'replace'; event: InsightEvent }
  /** The two cancel out (an answer changed back before it was sent): the row goes. */
  | { kind: 'cancel' }
  /** They cannot fold (a count would overflow): `next` gets its own row. */
  | { kind: 'separate' };

function foldFeedback(queued: EventOf<'feedback'>, next: EventOf<'feedback'>): Fold {
  // `next` was made relative to `queued`'s answer, so together they add `next`'s answer and take
  // away what `queued` replaced.
  const merged: EventOf<'feedback'> = {
    ...next,
    replaces: queued.replaces,
  };
  if (merged.replaces === undefined) delete merged.replaces;
  const same =
    merged.replaces !== undefined &&
    merged.replaces.helpful === merged.helpful &&
    merged.replaces.reason === merged.reason;
  return same ? { kind: 'cancel' } : { kind: 'replace', event: merged };
}

export function fold(queued: InsightEvent, next: InsightEvent): Fold {
  if (queued.type === 'feedback' && next.type === 'feedback') return foldFeedback(queued, next);
  if (queued.type === 'record_guidance' && next.type === 'record_guidance')
    return { kind: 'replace', event: { ...queued, opened: queued.opened || next.opened } };
  if ('count' in queued && 'count' in next && queued.type === next.type) {
    const count = queued.count + next.count;
    return count > MAX_COUNT
      ? { kind: 'separate' }
      : { kind: 'replace', event: { ...queued, count } };
  }
  return { kind: 'separate' };
}
