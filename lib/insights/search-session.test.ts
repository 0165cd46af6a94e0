import { describe, expect, it } from 'vitest';
import { SEARCH_IDLE_MS, SearchSession, resultBucket, searchEvent } from './search-session';

const at = Date.parse('2026-06-15T09:30:00Z');

describe('SearchSession', () => {
  it('ends with an open: the last words, their result count and the rank', () => {
    const session = new SearchSession();
    session.input('ref', at);
    session.results('ref', 9, at + 100);
    session.input('refund', at + 500);
    session.results('refund', 3, at + 600);
    expect(session.open(2)).toEqual({ query: 'refund', results: 3, opened: 2, ended: 'open' });
  });

  it('ends after 10 s without typing or moving through the results, not before', () => {
    const session = new SearchSession();
    session.input('vat', at);
    session.results('vat', 0, at + 50);
    session.touch(at + 4_000);
    expect(session.tick(at + 4_000 + SEARCH_IDLE_MS - 1)).toBeUndefined();
    expect(session.tick(at + 4_000 + SEARCH_IDLE_MS)).toEqual({
      query: 'vat',
      results: 0,
      ended: 'idle',
    });
    expect(session.tick(at + 60_000)).toBeUndefined();
  });

  it('ignores results for older words and reports nothing when the last words had none yet', () => {
    const session = new SearchSession();
    session.input('a', at);
    session.input('ab', at + 10);
    session.results('a', 5, at + 20);
    expect(session.close()).toBeUndefined();
  });

  it('starts a new session after one ended', () => {
    const session = new SearchSession();
    session.input('one', at);
    session.results('one', 1, at);
    session.open(1);
    session.input('two', at + 1_000);
    session.results('two', 0, at + 1_100);
    expect(session.close()).toEqual({ query: 'two', results: 0, ended: 'close' });
  });
});

describe('resultBucket', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [2, '2-5'],
    [5, '2-5'],
    [6, '6-10'],
    [10, '6-10'],
    [11, '11+'],
  ] as const)('puts %i results in bucket %s', (count, bucket) =>
    expect(resultBucket(count)).toBe(bucket),
  );
});

describe('searchEvent', () => {
  it('carries the scrubbed words of a failed session, with day, hour, app and screen', () => {
    const outcome = { query: 'Refund 4711 for jane@acme.com', results: 0, ended: 'idle' as const };
    expect(searchEvent(outcome, { at, app: 'zendesk', screen: 'ticket' })).toEqual({
      type: 'search',
      v: 1,
      day: '2026-06-15',
      hour: 9,
      app: 'zendesk',
      screen: 'ticket',
      results: '0',
      ended: 'idle',
      query: 'refund # for',
    });
  });

  it('carries words for results nobody opened, and none for a session that opened one', () => {
    expect(searchEvent({ query: 'sla', results: 4, ended: 'close' }, { at }).query).toBe('sla');
    const opened = searchEvent({ query: 'sla', results: 4, opened: 1, ended: 'open' }, { at });
    expect(opened).toEqual({
      type: 'search',
      v: 1,
      day: '2026-06-15',
      hour: 9,
      results: '2-5',
      opened: 1,
      ended: 'open',
    });
  });
});
