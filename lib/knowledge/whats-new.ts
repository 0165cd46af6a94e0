import {
  allPublishedItems,
  getSetting,
  getSyncState,
  setSetting,
  type WaymarkDatabase,
} from '@/lib/db';
import type { Detection } from '@/lib/context';
import type { WhatsNewView } from '@/lib/messages';
import { summarize, type AppNames } from './page-items';
import { fitsAudience } from './page-ranking';

/** How many unsent content requests a device keeps (the oldest go first). */
export const PENDING_REQUESTS_MAX = 50;

const time = (value: string) => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);

/**
 * Published items changed since the learner last looked, newest first: only what came from a
 * content server (the starter pack is not news). The first look starts the clock.
 */
export async function whatsNew(
  db: WaymarkDatabase,
  context: { now: Date; names: AppNames; audience: { role?: string; team?: string } },
): Promise<WhatsNewView> {
  let seen = await getSetting(db, 'whatsNewSeenAt');
  if (seen === undefined) {
    seen = context.now.getTime();
    await setSetting(db, 'whatsNewSeenAt', seen);
  }
  const since = new Date(seen).toISOString();
  if ((await getSyncState(db)).source !== 'server') return { since, items: [] };
  const items = (await allPublishedItems(db))
    .filter((item) => time(item.updated_at) > seen && fitsAudience(item, context.audience))
    .sort((a, b) => time(b.updated_at) - time(a.updated_at))
    .slice(0, 50);
  return { since, items: items.map((item) => summarize(item, context.now, context.names)) };
}

export async function markWhatsNewSeen(
  db: WaymarkDatabase,
  now: Date,
): Promise<{ seenAt: string }> {
  await setSetting(db, 'whatsNewSeenAt', now.getTime());
  return { seenAt: now.toISOString() };
}

/**
 * Queues a learner's request for content: their words, what they searched for, and the app and
 * screen of the page (ids only; never the page's content). Asked for explicitly, so it is kept
 * even when usage events are off; it waits on the device until it is sent to the authors.
 */
export async function requestContent(
  db: WaymarkDatabase,
  request: { text: string; query?: string | undefined; detection: Detection | undefined },
  at: number,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const pending = await getSetting(db, 'pendingContentRequests');
    const next = {
      text: request.text,
      query: request.query ?? '',
      ...(request.detection?.app ? { app: request.detection.app } : {}),
      ...(request.detection?.screen ? { screen: request.detection.screen } : {}),
      at,
    };
    await setSetting(db, 'pendingContentRequests', [...pending, next].slice(-PENDING_REQUESTS_MAX));
  });
}
