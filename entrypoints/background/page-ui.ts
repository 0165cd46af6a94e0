import type { WaymarkDatabase } from '@/lib/db';
import type { InsertRefusal } from '@/lib/messages';
import { LauncherPrefsStore } from '@/lib/knowledge/launcher-prefs';
import type { BackgroundMessage, Handlers, SenderInfo } from '@/lib/runtime/router';
import { sendTyped } from '@/lib/runtime/send';
import { sessionTabStore } from './tab-store';

type PageUiMessage =
  'bg:launcher-prefs' | 'bg:launcher-save' | 'bg:launcher-show' | 'bg:insert-reply';

/** The site a content script runs on, from what the browser says about the sender. */
function hostOf(sender: SenderInfo): string {
  const { url } = sender;
  if (url === undefined) throw new Error('the sender has no page address');
  return new URL(url).hostname;
}

/** Why a reply did not go in, and what to do, in the panel's words. */
const INSERT_PROBLEMS: Record<InsertRefusal | 'not-running', string> = {
  'no-editor': 'Click into the reply box on the page first, then press Insert again.',
  refused: 'This editor does not take inserted text. Use Copy, then paste it into the reply.',
  'not-running':
    'Waymark is not running on that tab: open the ticket (reload it if Waymark was just installed or updated).',
};

const toTab = (tabId: number) => (message: unknown) => browser.tabs.sendMessage(tabId, message);

/**
 * The in-page UI's wiring: the launcher's place and visibility (per app, per site), showing it
 * again from the panel, and text the panel sends into the page's reply editor.
 */
export function createPageUi(db: WaymarkDatabase) {
  const prefs = new LauncherPrefsStore(db);
  // Which site each tab is on, so the panel can show the launcher there again.
  const hosts = sessionTabStore<string>('host');
  const remember = async (sender: SenderInfo) => {
    const host = hostOf(sender);
    if (sender.tab?.id !== undefined) await hosts.set(sender.tab.id, host);
    return host;
  };

  const handlers: Pick<Handlers<BackgroundMessage>, PageUiMessage> = {
    'bg:launcher-prefs': async ({ app }, sender) => prefs.get(app, await remember(sender)),
    'bg:launcher-save': async ({ app, change }, sender) =>
      prefs.save(app, await remember(sender), change),
    'bg:launcher-show': async ({ tabId }) => {
      const host = await hosts.get(tabId);
      if (host !== undefined) await prefs.show(host);
      return sendTyped(toTab(tabId), 'cs:launcher-show', {}).catch(() => ({ shown: false }));
    },
    'bg:insert-reply': async ({ tabId, text }) => {
      const answer = await sendTyped(toTab(tabId), 'cs:insert-reply', { text }).catch(() => ({
        inserted: false,
        reason: 'not-running' as const,
      }));
      return answer.inserted || answer.reason === undefined
        ? { inserted: answer.inserted }
        : { inserted: false, problem: INSERT_PROBLEMS[answer.reason] };
    },
  };

  return {
    handlers,
    /** Whether the launcher is hidden on the tab's site (for the panel's "Show it again"). */
    hiddenOnTab: async (tabId: number) => {
      const host = await hosts.get(tabId);
      return host !== undefined && (await prefs.hiddenOn(host));
    },
    forgetTab: (tabId: number) => hosts.delete(tabId),
    /** The keyboard command: focus the launcher on the active tab, then each tip in turn. */
    focusNext: (tabId: number) =>
      void sendTyped(toTab(tabId), 'cs:focus-next', {}).catch(() => undefined),
  };
}
