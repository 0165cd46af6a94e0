import type { Translate } from '@/lib/i18n';
import type { StatusResult } from '@/lib/messages';

export interface SyncWords {
  /** The quiet line under the panel: how much knowledge, from where, as of when. */
  footer: string;
  /** A visible banner when something needs saying: offline, or the server could not be used. */
  banner?: { kind: 'offline' | 'problem'; text: string };
}

/** The UI's strings and the locale dates and times are written in (a test may name a region). */
export interface Words {
  t: Translate;
  locale: string;
}

/** "today at 14:05", "3 Dec at 09:12", the way the locale writes them. */
function when(iso: string, now: Date, { t, locale }: Words): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString()
    ? t('status.today', { time })
    : t('status.onDay', {
        date: at.toLocaleDateString(locale, { day: 'numeric', month: 'short' }),
        time,
      });
}

/** A sync problem in the learner's words, and what happens next. */
function problemWords(problem: string, t: Translate): string {
  if (/could not be reached|failed to fetch|network/i.test(problem)) return t('status.unreachable');
  if (/401|403|token|sign/i.test(problem)) return t('status.signIn');
  if (/HTTP 5\d\d|server had a problem|slow down|timed out/i.test(problem))
    return t('status.serverProblem');
  return t('status.otherProblem', { problem });
}

/**
 * What the panel says about the local knowledge: never an error in place of the last good
 * sync. "Last synced at X" stays; "Syncing…" while a sync runs; offline is said plainly, with
 * what still works.
 */
export function syncWords(
  status: StatusResult,
  online: boolean,
  words: Words,
  now = new Date(),
): SyncWords {
  const { t } = words;
  const synced = status.lastSyncAt ? when(status.lastSyncAt, now, words) : undefined;
  const from =
    status.source === 'server'
      ? synced
        ? t('status.lastSynced', { when: synced })
        : t('status.fromServer')
      : t('status.fromStarter');
  const apps = t('status.apps', { count: status.apps });
  const footer = t(status.running ? 'status.footerSyncing' : 'status.footer', {
    count: status.items,
    apps,
    from,
  });
  if (!online)
    return {
      footer,
      banner: {
        kind: 'offline',
        text: synced ? t('status.offline', { when: synced }) : t('status.offlineHere'),
      },
    };
  if (status.problem !== undefined && !status.running) {
    const problem = problemWords(status.problem, t);
    return {
      footer,
      banner: {
        kind: 'problem',
        text: synced
          ? t('status.seeing', { problem, when: synced })
          : t('status.seeingHere', { problem }),
      },
    };
  }
  return { footer };
}
