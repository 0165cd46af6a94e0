import { announcementLive, type Announcement } from '@/lib/content-model';
import { getSetting, itemsOfType, setSetting, type WaymarkDatabase } from '@/lib/db';
import type { AnnouncementView } from '@/lib/messages';
import { fitsAudience } from './page-ranking';

export interface AnnouncementContext {
  now: Date;
  audience: { role?: string | undefined; team?: string | undefined };
  /** The page's app: only announcements for every app or for this one. Unset: any app. */
  app?: string | undefined;
}

const view = (item: Announcement): AnnouncementView => ({
  id: item.id,
  title: item.title,
  body: item.body,
  acknowledge: item.acknowledge,
  endsAt: item.ends_at,
});

/**
 * The announcements to show the learner now, earliest start first: published, between their
 * dates on `now`, for their role and team (the feed already holds only their team's), for the
 * page's app when there is one, and not yet dismissed or acknowledged on this device.
 */
export async function dueAnnouncements(
  db: WaymarkDatabase,
  context: AnnouncementContext,
): Promise<AnnouncementView[]> {
  const done = await getSetting(db, 'announcementsDone');
  const { app } = context;
  return (await itemsOfType(db, 'announcement'))
    .filter(
      (item) =>
        item.status === 'published' &&
        !Object.hasOwn(done, item.id) &&
        announcementLive(item, context.now) &&
        fitsAudience(item, context.audience) &&
        (app === undefined ||
          item.targeting.apps.length === 0 ||
          item.targeting.apps.includes(app)),
    )
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.id.localeCompare(b.id))
    .map(view);
}

/**
 * The learner closed an announcement (or confirmed they read it): it is not shown again, in the
 * page or the panel. An acknowledgement of one that asks for it is queued for the server once;
 * a second "done" for the same announcement changes nothing.
 */
export async function finishAnnouncement(
  db: WaymarkDatabase,
  id: string,
  acknowledged: boolean,
  at: number,
): Promise<{ done: true }> {
  const item = (await itemsOfType(db, 'announcement')).find((a) => a.id === id);
  await db.transaction('rw', db.settings, async () => {
    const done = await getSetting(db, 'announcementsDone');
    if (Object.hasOwn(done, id)) return;
    const acknowledges = acknowledged && item?.acknowledge === true;
    await setSetting(db, 'announcementsDone', {
      ...done,
      [id]: { at, acknowledged: acknowledges },
    });
    if (acknowledges) {
      const pending = await getSetting(db, 'pendingAcknowledgements');
      await setSetting(db, 'pendingAcknowledgements', [...pending, id].slice(-500));
    }
  });
  return { done: true };
}
