import { describe, expect, it } from 'vitest';
import type { InsightEvent } from '@/lib/insights';
import type { GapsView } from '@/lib/insights/views';
import { createApp } from '../app';
import { routePolicies } from '../policy';
import { template, testBackends, tip, tokenFor } from '../test-fixtures';
import type { Template } from '@/lib/content-model';
import { EventIngest } from './ingest';
import { failedSearch, installOf, learner, movableClock, sendEvents } from './test-support';

const insightRoutes = Object.keys(routePolicies).filter((key) => key.includes('/v1/insights'));

describe.each(testBackends())('insights routes on $name', (backend) => {
  async function setup(at = '2026-06-15T09:30:00.000Z') {
    const clock = movableClock(at);
    const env = await backend.open(clock.now);
    const app = createApp(env.store, { log: false, authFailuresPerMinute: 1_000 });
    const tokens = {
      learner: await tokenFor(env.store, 'learner@example.com', 'learner', 'emea'),
      author: await tokenFor(env.store, 'author@example.com', 'author'),
      reviewer: await tokenFor(env.store, 'reviewer@example.com', 'reviewer'),
      admin: await tokenFor(env.store, 'admin@example.com', 'admin'),
    };
    const call = (method: string, path: string, token: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const ingest = new EventIngest(env.store);
    let seq = 0;
    /** `person` sends `events` on `day` (the clock moves there). */
    const emit = async (person: number, day: string, events: InsightEvent[], team?: string) => {
      clock.set(`${day}T10:00:00.000Z`);
      await sendEvents(env.store, learner(`p${person}@example.com`, team), events, {
        install: installOf(person),
        firstSeq: (seq += events.length),
        ingest,
      });
    };
    return { env, clock, app, tokens, call, emit };
  }

  it('answers 403 to a learner on every insights route, and lets an author read', async () => {
    const { env, call, tokens } = await setup();
    try {
      for (const route of insightRoutes) {
        const [method, path] = route.split(' ') as [string, string];
        const url = path
          .replace(':app', 'zendesk')
          .replace(':screen', 'ticket')
          .replace(':id', 'x');
        expect(
          (await call(method, url, tokens.learner, method === 'GET' ? undefined : {})).status,
          route,
        ).toBe(403);
      }
      expect((await call('GET', '/v1/insights/gaps', tokens.author)).status).toBe(200);
    } finally {
      await env.cleanup();
    }
  });

  it('shows a gap with its trend, only the words five people typed, then closes it through a draft made from it', async () => {
    const { env, clock, call, tokens, emit } = await setup('2026-05-25T09:00:00.000Z');
    try {
      const howTo = template('how-to', {
        item_type: 'article',
        fields: { template: 'how-to' },
        body: '## Steps\n\n1. …',
      });
      await env.store.putTemplate(howTo as Template, undefined);
      const ticket = { app: 'zendesk', screen: 'ticket' };
      for (const person of [1, 2, 3, 4, 5])
        await emit(person, '2026-05-25', [failedSearch('2026-05-25', 'merge tickets', ticket)]);
      for (const person of [6, 7, 8, 9])
        await emit(person, '2026-06-01', [failedSearch('2026-06-01', 'refund for jane', ticket)]);
      await emit(10, '2026-06-02', [
        failedSearch('2026-06-02', undefined, ticket),
        {
          ...failedSearch('2026-06-02', undefined, ticket),
          opened: 1,
          results: '1',
          ended: 'open',
        } as InsightEvent,
      ]);
      clock.set('2026-06-03T09:00:00.000Z');
      const gaps = (await (
        await call('GET', '/v1/insights/gaps?since=14d', tokens.author)
      ).json()) as GapsView;
      expect(gaps).toMatchObject({ k: 5, totals: { searches: 11, failed: 10 } });
      expect(gaps.gaps).toHaveLength(1);
      expect(gaps.gaps[0]).toMatchObject({
        key: 'zendesk/ticket',
        searches: 11,
        failed: 10,
        status: 'open',
        queries: [{ query: 'merge tickets', searches: 5, people: 5 }],
        weeks: [
          { week: '2026-05-18', searches: 0, failed: 0 },
          { week: '2026-05-25', searches: 5, failed: 5 },
          { week: '2026-06-01', searches: 6, failed: 5 },
        ],
      });
      expect(JSON.stringify(gaps)).not.toContain('jane');

      const draft = await call('POST', '/v1/insights/gaps/zendesk/ticket/draft', tokens.author, {});
      expect(draft.status).toBe(201);
      const { item } = (await draft.json()) as {
        item: { id: string; title: string; status: string; body: string; targeting: object };
      };
      expect(item).toMatchObject({
        id: 'merge-tickets',
        title: 'Merge tickets',
        status: 'draft',
        targeting: { apps: ['zendesk'], screens: ['zendesk:ticket'] },
      });
      expect(item.body).toContain('“merge tickets”');
      const linked = (
        (await (await call('GET', '/v1/insights/gaps?since=14d', tokens.author)).json()) as GapsView
      ).gaps[0];
      expect(linked).toMatchObject({ status: 'open', item: 'merge-tickets' });

      // Review and publish on 06-05; searches on the screen fail less after.
      clock.set('2026-06-05T09:00:00.000Z');
      expect((await call('POST', '/v1/items/merge-tickets/submit', tokens.author, {})).status).toBe(
        200,
      );
      expect(
        (await call('POST', '/v1/items/merge-tickets/approve', tokens.reviewer, {})).status,
      ).toBe(200);
      for (const person of [11, 12, 13, 14])
        await emit(person, '2026-06-10', [
          {
            ...failedSearch('2026-06-10', undefined, ticket),
            opened: 1,
            results: '1',
            ended: 'open',
          } as InsightEvent,
        ]);
      await emit(15, '2026-06-11', [failedSearch('2026-06-11', undefined, ticket)]);
      clock.set('2026-06-12T09:00:00.000Z');
      const after = (
        (await (await call('GET', '/v1/insights/gaps?since=30d', tokens.author)).json()) as GapsView
      ).gaps[0]!;
      expect(after).toMatchObject({
        status: 'addressed',
        item: 'merge-tickets',
        addressed_on: '2026-06-05',
      });
      expect(after.closed).toMatchObject({
        published_on: '2026-06-05',
        before: { searches: 11, failed: 10 },
        after: { searches: 5, failed: 1, failed_rate: 0.2 },
      });
      expect(after.closed!.change).toBeCloseTo(0.2 - 10 / 11, 10);
      const impact = (await (
        await call('GET', '/v1/insights/impact?since=30d', tokens.author)
      ).json()) as { indicators: { gaps_closed: unknown[] } };
      expect(impact.indicators.gaps_closed).toMatchObject([
        { key: 'zendesk/ticket', item: 'merge-tickets', published_on: '2026-06-05' },
      ]);
    } finally {
      await env.cleanup();
    }
  });

  it('sets a gap’s status, audited, and refuses an item that does not exist', async () => {
    const { env, call, tokens } = await setup();
    try {
      const res = await call('PUT', '/v1/insights/gaps/zendesk/-', tokens.author, {
        status: 'dismissed',
      });
      expect(await res.json()).toEqual({
        key: 'zendesk/-',
        app: 'zendesk',
        status: 'dismissed',
        updated_at: '2026-06-15T09:30:00.000Z',
        updated_by: 'author@example.com',
      });
      expect(
        (
          await call('PUT', '/v1/insights/gaps/zendesk/ticket', tokens.author, {
            status: 'addressed',
            item: 'nope',
          })
        ).status,
      ).toBe(400);
      expect(
        (await env.store.queryAudit({ action: 'insights', limit: 5 })).entries.map(
          (e) => e.comment,
        ),
      ).toEqual(['gap zendesk/-: open → dismissed']);
    } finally {
      await env.cleanup();
    }
  });

  it('reports tips that stopped resolving after working, and usage per item, as JSON and CSV', async () => {
    const { env, call, tokens, emit } = await setup();
    try {
      await env.store.upsertItem(tip('priority', { owner: 'author@example.com' }), 'ops');
      const shown = (day: string, count: number): InsightEvent => ({
        type: 'tip_shown',
        v: 1,
        day,
        app: 'zendesk',
        screen: 'ticket',
        tip: 'priority',
        count,
      });
      const broken = (day: string, count: number): InsightEvent => ({
        type: 'tip_unresolved',
        v: 1,
        day,
        app: 'zendesk',
        screen: 'ticket',
        tip: 'priority',
        count,
      });
      await emit(1, '2026-06-08', [shown('2026-06-08', 10)]);
      await emit(1, '2026-06-09', [
        shown('2026-06-09', 8),
        {
          type: 'suggestion_shown',
          v: 1,
          day: '2026-06-09',
          app: 'zendesk',
          screen: 'ticket',
          item: 'priority',
          count: 4,
        },
      ]);
      await emit(2, '2026-06-10', [
        broken('2026-06-10', 5),
        {
          type: 'suggestion_opened',
          v: 1,
          day: '2026-06-10',
          hour: 9,
          app: 'zendesk',
          screen: 'ticket',
          item: 'priority',
          source: 'page',
          rank: 1,
        },
      ]);
      await emit(3, '2026-06-12', [
        broken('2026-06-12', 7),
        {
          type: 'feedback',
          v: 1,
          day: '2026-06-12',
          item: 'priority',
          helpful: false,
          reason: 'outdated',
        },
      ]);
      const guidance: unknown = await (
        await call('GET', '/v1/insights/guidance?since=30d', tokens.author)
      ).json();
      expect(guidance).toMatchObject({
        tips: [
          {
            tip: 'priority',
            owner: 'author@example.com',
            app: 'zendesk',
            screen: 'ticket',
            shown: 18,
            unresolved: 12,
            failure_rate: 0.4,
            first_failed_on: '2026-06-10',
            failing_since: '2026-06-10',
            clean_days_before: 2,
          },
        ],
      });
      const content: unknown = await (
        await call('GET', '/v1/insights/content?since=30d', tokens.author)
      ).json();
      expect(content).toMatchObject({
        items: [
          {
            item: 'priority',
            shown: 4,
            opened: 1,
            opened_from_page: 1,
            click_through: 0.25,
            not_helpful: 1,
            helpful_share: 0,
            reasons: [{ reason: 'outdated', helpful: false, count: 1 }],
          },
        ],
      });
      const csv = await call(
        'GET',
        '/v1/insights/content?since=30d&format=csv&table=reasons',
        tokens.author,
      );
      expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('Content-Disposition')).toBe(
        'attachment; filename="waymark-content-reasons-2026-05-14-2026-06-12.csv"',
      );
      expect(await csv.text()).toBe('item,reason,helpful,count\r\npriority,outdated,false,1\r\n');
      expect(
        (await call('GET', '/v1/insights/content?format=csv&table=nope', tokens.author)).status,
      ).toBe(400);
    } finally {
      await env.cleanup();
    }
  });

  it('changes the query threshold down to 3 and no lower, for admins only', async () => {
    const { env, call, tokens } = await setup();
    try {
      expect(
        (await call('PUT', '/v1/insights/settings', tokens.admin, { query_k: 2 })).status,
      ).toBe(400);
      expect(
        (await call('PUT', '/v1/insights/settings', tokens.author, { query_k: 3 })).status,
      ).toBe(403);
      const res = await call('PUT', '/v1/insights/settings', tokens.admin, {
        query_k: 3,
        holdout: { design: 'holdout', start: '2026-07-01', share: 0.5, seed: 'q3' },
      });
      expect(await res.json()).toEqual({
        query_k: 3,
        analytics: 'impact',
        // The teams are those of today's users, fixed in the design.
        holdout: {
          design: 'holdout',
          start: '2026-07-01',
          share: 0.5,
          seed: 'q3',
          teams: ['emea'],
        },
      });
      expect(
        (await env.store.queryAudit({ action: 'insights', actor: 'admin@example.com', limit: 5 }))
          .entries,
      ).toHaveLength(2);
    } finally {
      await env.cleanup();
    }
  });
});
