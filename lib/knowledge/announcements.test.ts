import { beforeEach, describe, expect, it } from 'vitest';
import { getSetting, upsertItems, type WaymarkDatabase } from '@/lib/db';
import { announcement, testDatabase } from '@/lib/db/test-support';
import { dueAnnouncements, finishAnnouncement } from './announcements';

const NOW = new Date('2026-06-15T09:30:00Z');
const targeting = (fields: Record<string, string[]>) => ({
  targeting: { apps: [], screens: [], roles: [], teams: [], ...fields },
});

let db: WaymarkDatabase;
beforeEach(() => {
  db = testDatabase();
});
const due = async (context: { role?: string; team?: string; app?: string } = {}) =>
  (
    await dueAnnouncements(db, {
      now: NOW,
      audience: { role: context.role, team: context.team },
      app: context.app,
    })
  ).map((a) => a.id);

describe('dueAnnouncements', () => {
  it('lists published announcements between their dates on the given clock, earliest first', async () => {
    await upsertItems(db, [
      announcement('later-start', { starts_at: '2026-06-10' }),
      announcement('current'),
      announcement('not-yet', { starts_at: '2026-06-16' }),
      announcement('over', { starts_at: '2026-05-01', ends_at: '2026-06-14' }),
      announcement('draft', { status: 'draft' }),
    ]);
    expect(await due()).toEqual(['current', 'later-start']);
  });

  it('leaves out announcements for another role, team or app', async () => {
    await upsertItems(db, [
      announcement('for-agents', targeting({ roles: ['agent'] })),
      announcement('for-emea', targeting({ teams: ['emea'] })),
      announcement('for-workday', targeting({ apps: ['workday'] })),
      announcement('for-all'),
    ]);
    expect(await due({ role: 'agent', team: 'emea', app: 'zendesk' })).toEqual([
      'for-agents',
      'for-all',
      'for-emea',
    ]);
    expect(await due({ role: 'lead', team: 'apac', app: 'workday' })).toEqual([
      'for-all',
      'for-workday',
    ]);
  });

  it('never lists an announcement again once dismissed or acknowledged', async () => {
    await upsertItems(db, [announcement('one'), announcement('two', { acknowledge: true })]);
    await finishAnnouncement(db, 'one', false, NOW.getTime());
    await finishAnnouncement(db, 'two', true, NOW.getTime());
    expect(await due()).toEqual([]);
  });
});

describe('finishAnnouncement', () => {
  it('queues an acknowledgement once, however often the reader confirms', async () => {
    await upsertItems(db, [announcement('policy', { acknowledge: true })]);
    await finishAnnouncement(db, 'policy', true, NOW.getTime());
    await finishAnnouncement(db, 'policy', true, NOW.getTime() + 1000);
    expect(await getSetting(db, 'pendingAcknowledgements')).toEqual(['policy']);
    expect(await getSetting(db, 'announcementsDone')).toEqual({
      policy: { at: NOW.getTime(), acknowledged: true },
    });
  });

  it('sends nothing for an announcement that asks for no acknowledgement', async () => {
    await upsertItems(db, [announcement('fyi')]);
    await finishAnnouncement(db, 'fyi', true, NOW.getTime());
    expect(await getSetting(db, 'pendingAcknowledgements')).toEqual([]);
    expect(await getSetting(db, 'announcementsDone')).toEqual({
      fyi: { at: NOW.getTime(), acknowledged: false },
    });
  });
});
