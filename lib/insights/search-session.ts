import type { EventOf, ResultBucket } from './events';
import { EVENT_VERSION } from './events';
import { scrubQuery } from './query';
import { dayOf, hourOf } from './time';

/**
 * One search session: from the first character typed to an open, the panel closing, or
 * SEARCH_IDLE_MS without typing or moving through the results. Refining the words is the same
 * session; only its last words and their result count are reported. Pure; the clock is the caller's.
 */
export const SEARCH_IDLE_MS = 10_000;

export interface SearchOutcome {
  query: string;
  results: number;
  /** 1-based rank of the result opened, when one was. */
  opened?: number;
  ended: 'open' | 'close' | 'idle';
}

export class SearchSession {
  #query = '';
  #results: number | undefined;
  #lastActivity = 0;

  /** The words changed. */
  input(query: string, at: number): void {
    if (query.trim() === this.#query) return;
    this.#query = query.trim();
    this.#results = undefined;
    this.#lastActivity = at;
  }

  /** The results for `query` arrived (answers for older words are ignored). */
  results(query: string, count: number, at: number): void {
    if (query.trim() !== this.#query) return;
    this.#results = count;
    this.#lastActivity = at;
  }

  /** The user moved through the results (keys, pointer, scroll): the session is not idle. */
  touch(at: number): void {
    if (this.#query !== '') this.#lastActivity = at;
  }

  open(rank: number): SearchOutcome | undefined {
    return this.#end('open', rank);
  }

  close(): SearchOutcome | undefined {
    return this.#end('close');
  }

  /** Ends the session when it has been idle long enough; call it from a timer. */
  tick(at: number): SearchOutcome | undefined {
    return at - this.#lastActivity >= SEARCH_IDLE_MS ? this.#end('idle') : undefined;
  }

  #end(ended: SearchOutcome['ended'], rank?: number): SearchOutcome | undefined {
    const [query, results] = [this.#query, this.#results];
    this.#query = '';
    this.#results = undefined;
    // No words, or words whose results never arrived: nothing to report.
    if (query === '' || results === undefined) return undefined;
    return { query, results, ended, ...(rank === undefined ? {} : { opened: rank }) };
  }
}

export function resultBucket(count: number): ResultBucket {
  if (count <= 0) return '0';
  if (count === 1) return '1';
  if (count <= 5) return '2-5';
  return count <= 10 ? '6-10' : '11+';
}

/**
 * The `search` event for a finished session. The words go only with a failed session (no result,
 * or nothing opened), and only as scrubQuery leaves them.
 */
export function searchEvent(
  outcome: SearchOutcome,
  context: { at: number; app?: string | undefined; screen?: string | undefined },
): EventOf<'search'> {
  const failed = outcome.results === 0 || outcome.opened === undefined;
  const words = failed ? scrubQuery(outcome.query) : undefined;
  return {
    type: 'search',
    v: EVENT_VERSION,
    day: dayOf(context.at),
    hour: hourOf(context.at),
    ...(context.app === undefined ? {} : { app: context.app }),
    ...(context.screen === undefined ? {} : { screen: context.screen }),
    results: resultBucket(outcome.results),
    ...(outcome.opened === undefined ? {} : { opened: Math.min(outcome.opened, 100) }),
    ended: outcome.ended,
    ...(words === undefined ? {} : { query: words }),
  };
}
