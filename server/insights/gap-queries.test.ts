import { describe, expect, it } from 'vitest';
import type { InsightEvent } from '@/lib/insights';
import { GAP_QUERIES_SHOWN, type GapsView } from '@/lib/insights/views';
import { createApp } from '../app';
import { testBackends, tokenFor } from '../test-fixtures';
import { parseCsv } from './csv';
import { EventIngest } from './ingest';
import { failedSearch, installOf, learner, movableClock, sendEvents } from './test-support';

const DAY = '2026-06-10';
const ticket = { app: 'zendesk', screen: 'ticket' };
/** Searches per query on zendesk/ticket, each query typed by 5 people: juliet and kilo tie. */
const SEARCHES: [string, number][] = [
  ['alpha', 16],
  ['bravo', 15],
  ['charlie', 14],
  ['delta', 13],
  ['echo', 12],
  ['foxtrot', 11],
  ['golf', 10],
  ['hotel', 9],
  ['india', 8],
  ['kilo', 7],
  ['juliet', 7],
  ['lima', 6],
];

describe.each(testBackends())('a gap’s queries on $name', (backend) => {
  it('lists a gap’s 10 most searched queries past the k rule and counts the rest; the CSV has them all, and never one typed by 4 people', async () => {
    expect(GAP_QUERIES_SHOWN).toBe(10);
    const clock = movableClock(`${DAY}T10:00:00.000Z`);
    const env = await backend.open(clock.now);
    try {
      const app = createApp(env.store, { log: false });
      const token = await tokenFor(env.store, 'author@example.com', 'author');
      const get = (path: string) =>
        app.request(path, { headers: { Authorization: `Bearer ${token}` } });
      const ingest = new EventIngest(env.store);
      const send = (person: number, events: InsightEvent[], firstSeq = 1) =>
        sendEvents(env.store, learner(`p${person}@example.com`), events, {
          install: installOf(person),
          ingest,
          firstSeq,
        });
      // Person 1 types each query all but 4 of its times; persons 2–5 once each.
      await send(
        1,
        SEARCHES.flatMap(([q, n]) =>
          Array.from({ length: n - 4 }, () => failedSearch(DAY, q, ticket)),
        ),
      );
      for (const person of [2, 3, 4, 5])
        await send(
          person,
          SEARCHES.map(([q]) => failedSearch(DAY, q, ticket)),
        );
      // The most searched words of all, typed by 4 people only: never shown, never exported.
      for (const person of [6, 7, 8, 9])
        await send(
          person,
          Array.from({ length: 5 }, () => failedSearch(DAY, 'mike secret', ticket)),
        );
      await send(2, [failedSearch(DAY, 'alpha', { app: 'zendesk', screen: 'inbox' })], 100);

      const view = (await (await get('/v1/insights/gaps?since=7d')).json()) as GapsView;
      const gap = view.gaps.find((g) => g.key === 'zendesk/ticket')!;
      expect(gap.queries).toEqual(
        SEARCHES.filter(([q]) => q !== 'kilo' && q !== 'lima').map(([query, searches]) => ({
          query,
          searches,
          people: 5,
        })),
      );
      expect(gap.more_queries).toBe(2);
      expect(view.gaps.find((g) => g.key === 'zendesk/inbox')).toMatchObject({
        queries: [{ query: 'alpha', searches: 1, people: 5 }],
        more_queries: 0,
      });

      const csv = await get('/v1/insights/gaps?since=7d&format=csv&table=queries');
      expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      const text = await csv.text();
      expect(text).not.toContain('mike');
      expect(parseCsv(text).map((r) => r.fields)).toEqual([
        ['app', 'screen', 'query', 'searches', 'people'],
        ...[...SEARCHES]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([q, n]) => ['zendesk', 'ticket', q, String(n), '5']),
        ['zendesk', 'inbox', 'alpha', '1', '5'],
      ]);
      // The page's own table twin is the view's (capped) list.
      const twin = await get('/v1/insights/gaps?since=7d&format=csv&table=gaps');
      expect(await twin.text()).not.toContain('mike');
    } finally {
      await env.cleanup();
    }
  });
});
