import type { GapStatus } from '@/lib/insights/views';
import type { Store } from '../store';

/** A gap's id in URLs and views: `app/screen`, `-` standing for none. */
export function gapKey(app: string, screen: string): string {
  return `${app === '' ? '-' : app}/${screen === '' ? '-' : screen}`;
}

/** The app and screen of a gap's URL segments ('-' → ''). */
export function gapPlace(app: string, screen: string): { app: string; screen: string } {
  return { app: app === '-' ? '' : app, screen: screen === '-' ? '' : screen };
}

/** The audit comment for a gap's change, e.g. "gap zendesk/ticket: open → addressed (item refunds)". */
export function gapAuditComment(
  before: { status: GapStatus; item: string | undefined } | undefined,
  after: { app: string; screen: string; status: GapStatus; item: string | undefined },
): string {
  const item = after.item === undefined ? '' : ` (item ${after.item})`;
  return `gap ${gapKey(after.app, after.screen)}: ${before?.status ?? 'open'} → ${after.status}${item}`;
}

/**
 * Sets a gap's status (from the API or the dashboard). `item` absent: the linked item stays;
 * null: unlinked.
 */
export async function saveGapState(
  store: Store,
  place: { app: string; screen: string },
  change: { status: GapStatus; item?: string | null | undefined },
  email: string,
) {
  const current = (await store.gapStates()).find(
    (g) => g.app === place.app && g.screen === place.screen,
  );
  const item = change.item === undefined ? current?.item : (change.item ?? undefined);
  return store.setGapState({ ...place, status: change.status, item }, email);
}
