import { beforeEach, describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '@/lib/content-model';
import {
  ensureStarterContent,
  getSetting,
  updateSyncState,
  upsertItems,
  type WaymarkDatabase,
} from '@/lib/db';
import { app, testDatabase } from '@/lib/db/test-support';
import { markWhatsNewSeen, requestContent, whatsNew } from './whats-new';

const item = (id: string, updatedAt: string, fields: Record<string, unknown> = {}): Item =>
  itemSchema.parse({
    id,
    type: 'article',
    template: 'faq',
    title: `Article ${id}`,
    body: 'Text.',
    owner: 'ops@example.com',
    status: 'published',
    verify_by: '2027-06-01',
    updated_at: updatedAt,
    version: 1,
    targeting: { apps: ['desk'] },
    ...fields,
  });

const context = (now: string) => ({
  now: new Date(now),
  names: new Map([['desk', 'Desk']]) as ReadonlyMap<string, string>,
  audience: {},
});

let db: WaymarkDatabase;
beforeEach(async () => {
  db = testDatabase();
  await ensureStarterContent(
    db,
    { apps: [app('desk')], items: [item('old', '2026-01-01')] },
    {
      reason: 'install',
    },
  );
});

describe('whatsNew', () => {
  it('shows nothing from the starter pack, and starts the clock at the first look', async () => {
    expect((await whatsNew(db, context('2026-11-01T09:00:00Z'))).items).toEqual([]);
    expect(await getSetting(db, 'whatsNewSeenAt')).toBe(Date.parse('2026-11-01T09:00:00Z'));
  });

  it('lists what a sync brought after the last look, newest first, until the learner looks again', async () => {
    await whatsNew(db, context('2026-11-01T09:00:00Z'));
    await updateSyncState(db, { source: 'server' });
    await upsertItems(db, [
      item('before', '2026-10-30'),
      item('new-policy', '2026-11-02T10:00:00Z'),
      item('newer', '2026-11-03'),
      item('draft', '2026-11-03', { status: 'draft' }),
    ]);
    const seen = await whatsNew(db, context('2026-11-04T09:00:00Z'));
    expect(seen.since).toBe('2026-11-01T09:00:00.000Z');
    expect(seen.items.map((i) => [i.id, i.apps])).toEqual([
      ['newer', ['Desk']],
      ['new-policy', ['Desk']],
    ]);
    await markWhatsNewSeen(db, new Date('2026-11-04T09:05:00Z'));
    expect((await whatsNew(db, context('2026-11-04T10:00:00Z'))).items).toEqual([]);
  });

  it('leaves out what is not for the learner’s team', async () => {
    await whatsNew(db, context('2026-11-01T09:00:00Z'));
    await updateSyncState(db, { source: 'server' });
    await upsertItems(db, [item('billing', '2026-11-02', { targeting: { teams: ['billing'] } })]);
    const view = await whatsNew(db, {
      ...context('2026-11-04T09:00:00Z'),
      audience: { team: 'tier1' },
    });
    expect(view.items).toEqual([]);
  });
});

describe('requestContent', () => {
  it('queues the learner’s words with the app and screen, and nothing of the page', async () => {
    await requestContent(
      db,
      {
        text: 'How do I refund a gift card?',
        query: 'gift card refund',
        detection: {
          app: 'desk',
          screen: 'ticket',
          record: { type: 'ticket', id: 'TK-77QX' },
          context: { subject: 'Customer data here' },
        },
      },
      Date.parse('2026-11-04T09:00:00Z'),
    );
    const [request] = await getSetting(db, 'pendingContentRequests');
    expect(request).toEqual({
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ) as string,
      text: 'How do I refund a gift card?',
      query: 'gift card refund',
      app: 'desk',
      screen: 'ticket',
      at: Date.parse('2026-11-04T09:00:00Z'),
    });
    expect(JSON.stringify(request)).not.toContain('Customer data');
    // A record id no random request id can contain (a UUID is hex digits and dashes only).
    expect(JSON.stringify(request)).not.toContain('TK-77QX');
  });
});
