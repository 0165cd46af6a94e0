import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, visibleQueries, type QueryContribution } from '@/lib/insights';
import { toCsv, viewTables, type InsightView } from '@/lib/insights/views';
import { sqliteBackend, testBackends, type TestBackend } from '../test-fixtures';
import { EventIngest } from './ingest';
import { viewQuery } from './range';
import { failedSearch, installOf, learner, movableClock, sendEvents } from './test-support';
import { views } from './routes';
import { itemView, screenView } from './views/panel';

const TICKET = { app: 'zendesk', screen: 'ticket' };

/** Every view (and every table of each as CSV) for the last 90 days, as one text. */
async function everythingShown(
  store: Parameters<typeof screenView>[0],
  today: string,
): Promise<string> {
  const query = viewQuery({ since: '90d' }, today);
  const shown: InsightView[] = [];
  for (const { build } of Object.values(views))
    shown.push(
      await (build as (s: typeof store, q: typeof query) => Promise<InsightView>)(store, query),
    );
  shown.push(await screenView(store, query, TICKET));
  const item = await itemView(store, query, 'anything');
  if (item !== undefined) shown.push(item);
  return shown.map((v) => JSON.stringify(v) + viewTables(v).map(toCsv).join('')).join('\n');
}

/** Sends each contribution on its day, days in order, one person per install. */
async function typeAll(backend: TestBackend, contributions: readonly QueryContribution[]) {
  const sorted = [...contributions].sort((a, b) => (a.day < b.day ? -1 : 1));
  const clock = movableClock(`${sorted[0]?.day ?? '2026-06-15'}T08:00:00.000Z`);
  const env = await backend.open(clock.now);
  const ingest = new EventIngest(env.store);
  let seq = 0;
  for (const c of sorted) {
    clock.set(`${c.day}T10:00:00.000Z`);
    const person = Number(c.person);
    await sendEvents(
      env.store,
      learner(`p${person}@example.com`),
      [failedSearch(c.day, c.query, TICKET)],
      { install: installOf(person), firstSeq: ++seq, ingest },
    );
  }
  return { env, today: clock.now().toISOString().slice(0, 10) };
}

describe.each(testBackends())('the k rule on $name', (backend) => {
  it('never shows words typed by 4 people in any view or CSV, and shows those typed by 5', async () => {
    const contributions: QueryContribution[] = [
      ...[1, 2, 3, 4].map((p) => ({
        query: 'refund for jane',
        person: String(p),
        day: '2026-06-10',
      })),
      // One of the four again, on another day: still four people.
      { query: 'refund for jane', person: '1', day: '2026-06-12' },
      ...[5, 6, 7, 8, 9].map((p) => ({
        query: 'merge tickets',
        person: String(p),
        day: '2026-06-11',
      })),
    ];
    const { env, today } = await typeAll(backend, contributions);
    try {
      const text = await everythingShown(env.store, today);
      expect(text).not.toContain('jane');
      expect(text).toContain('merge tickets');
    } finally {
      await env.cleanup();
    }
  });
});

describe('the k rule (property, SQLite)', () => {
  it('shows exactly the words that some day had k distinct people within 30 days', async () => {
    const contribution = fc.record({
      query: fc.constantFrom('alpha words', 'beta words', 'gamma words'),
      person: fc.integer({ min: 1, max: 9 }).map(String),
      day: fc
        .integer({ min: 0, max: 70 })
        .map((n) => new Date(Date.UTC(2026, 3, 1) + n * 86_400_000).toISOString().slice(0, 10)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(contribution, { minLength: 1, maxLength: 30 }),
        async (contributions) => {
          const { env, today } = await typeAll(sqliteBackend, contributions);
          try {
            // The reference (lib/insights/k-anonymity.ts): on any day something was sent, were k
            // distinct people behind the words within the 30 days up to it?
            const days = [...new Set(contributions.map((c) => c.day))];
            const expected = new Set(
              days.flatMap((day) =>
                visibleQueries(
                  contributions.filter((c) => c.day <= day),
                  { today: day },
                ).map((v) => v.query),
              ),
            );
            const text = await everythingShown(env.store, today);
            for (const query of ['alpha words', 'beta words', 'gamma words'])
              expect(text.includes(query), query).toBe(
                expected.has(query) &&
                  contributions.some((c) => c.query === query && c.day >= addDays(today, -89)),
              );
          } finally {
            await env.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
