import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';

/** Items that fit a page: published, for this app (or every app) and this screen (or every screen). */
export function fitsPage(item: Item, detection: Detection): boolean {
  if (item.status !== 'published' || detection.app === null) return false;
  const { apps, screens } = item.targeting;
  if (apps.length > 0 && !apps.includes(detection.app)) return false;
  const ownScreens = screens.filter((ref) => ref.startsWith(`${detection.app}:`));
  if (ownScreens.length === 0) return apps.length > 0 || screens.length === 0;
  return detection.screen !== null && ownScreens.includes(`${detection.app}:${detection.screen}`);
}

/**
 * Items for a given role and team. An item's empty list means everyone; a learner who has not said
 * their role (or team) sees items for every role (team) rather than almost nothing.
 */
export function fitsAudience(
  item: Item,
  audience: { role?: string | undefined; team?: string | undefined },
): boolean {
  const { roles, teams } = item.targeting;
  const roleOk = roles.length === 0 || audience.role === undefined || roles.includes(audience.role);
  const teamOk = teams.length === 0 || audience.team === undefined || teams.includes(audience.team);
  return roleOk && teamOk;
}

/** The page's context text as one query (subject first); empty when the page gave none. */
export function contextQuery(detection: Detection): string {
  const { subject, ...rest } = detection.context;
  return [subject, ...Object.values(rest)].filter(Boolean).join(' ').slice(0, 500);
}

/** Past its verify-by date (compared as YYYY-MM-DD in UTC). */
export function needsVerification(item: Item, now: Date): boolean {
  return item.verify_by !== undefined && item.verify_by < now.toISOString().slice(0, 10);
}
