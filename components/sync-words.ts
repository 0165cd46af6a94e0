import type { StatusResult } from '@/lib/messages';

export interface SyncWords {
  /** The quiet line under the panel: how much knowledge, from where, as of when. */
  footer: string;
  /** A visible banner when something needs saying: offline, or the server could not be used. */
  banner?: { kind: 'offline' | 'problem'; text: string };
}

/** "today at 14:05", "3 Dec at 09:12": in the learner's locale unless one is given (tests). */
function when(iso: string, now: Date, locale?: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString()
    ? `today at ${time}`
    : `${at.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} at ${time}`;
}

/** A sync problem in the learner's words, and what happens next. */
function problemWords(problem: string): string {
  if (/could not be reached|failed to fetch|network/i.test(problem))
    return 'Waymark could not reach your content server just now. It tries again on its own.';
  if (/401|403|token|sign/i.test(problem))
    return 'Your content server did not accept your sign-in. Open Waymark’s options to sign in again.';
  if (/HTTP 5\d\d|server had a problem|slow down|timed out/i.test(problem))
    return 'Your content server had a problem just now. Waymark tries again on its own.';
  return `The last sync did not finish (${problem}). Waymark tries again on its own.`;
}

/**
 * What the panel says about the local knowledge: never an error in place of the last good
 * sync. "Last synced at X" stays; "Syncing…" while a sync runs; offline is said plainly, with
 * what still works.
 */
export function syncWords(
  status: StatusResult,
  online: boolean,
  now = new Date(),
  locale?: string,
): SyncWords {
  const from =
    status.source === 'server'
      ? status.lastSyncAt
        ? `last synced ${when(status.lastSyncAt, now, locale)}`
        : 'from your content server'
      : 'from the built-in starter pack';
  const footer = `${status.items} items for ${status.apps} apps, ${from}${status.running ? ' · Syncing…' : ''}.`;
  if (!online)
    return {
      footer,
      banner: {
        kind: 'offline',
        text: `You’re offline. Everything ${status.lastSyncAt ? `synced ${when(status.lastSyncAt, now, locale)}` : 'here'} still works: search, articles, tips and lessons. Waymark syncs when you’re back online.`,
      },
    };
  if (status.problem !== undefined && !status.running)
    return {
      footer,
      banner: {
        kind: 'problem',
        text: `${problemWords(status.problem)} You’re seeing what was ${status.lastSyncAt ? `synced ${when(status.lastSyncAt, now, locale)}` : 'here before'}.`,
      },
    };
  return { footer };
}
