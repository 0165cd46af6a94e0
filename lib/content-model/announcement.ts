import { z } from 'zod';
import { checkLifecycle, isoDateOrDateTime, itemBaseShape } from './common';

/**
 * A dated message to an audience (`targeting`: roles, teams, apps), e.g. a policy change. It is
 * shown once to each person in its audience while between `starts_at` and `ends_at`, in the
 * launcher and the panel; with `acknowledge`, the reader confirms they read it and the server
 * counts who did. A date without a time starts at 00:00 UTC and ends at the end of that day.
 */
export const announcementSchema = z
  .strictObject({
    type: z.literal('announcement'),
    ...itemBaseShape,
    starts_at: isoDateOrDateTime.describe('first day (or instant) it is shown'),
    ends_at: isoDateOrDateTime.describe('last day (or instant) it is shown'),
    acknowledge: z
      .boolean()
      .default(false)
      .describe('readers confirm they read it (policy changes); the server counts them'),
  })
  .superRefine((item, ctx) => {
    checkLifecycle(item, ctx);
    if (item.body.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'an announcement needs a body' });
    const { start, end } = announcementWindow(item);
    if (end <= start)
      ctx.addIssue({
        code: 'custom',
        path: ['ends_at'],
        message: `must be after starts_at (${item.starts_at})`,
      });
  });
export type Announcement = z.infer<typeof announcementSchema>;

const DAY_MS = 86_400_000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** When an announcement is shown, in epoch ms: [start, end). A bare end date includes its day. */
export function announcementWindow(item: Pick<Announcement, 'starts_at' | 'ends_at'>): {
  start: number;
  end: number;
} {
  const start = Date.parse(
    dateOnly.test(item.starts_at) ? `${item.starts_at}T00:00:00Z` : item.starts_at,
  );
  const end = dateOnly.test(item.ends_at)
    ? Date.parse(`${item.ends_at}T00:00:00Z`) + DAY_MS
    : Date.parse(item.ends_at);
  return { start, end };
}

/** Whether `item` is shown at `now` (its dates only; audience and status are the caller's). */
export function announcementLive(
  item: Pick<Announcement, 'starts_at' | 'ends_at'>,
  now: Date,
): boolean {
  const { start, end } = announcementWindow(item);
  return now.getTime() >= start && now.getTime() < end;
}
