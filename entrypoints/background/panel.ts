import { translator, type Translate } from '@/lib/i18n';
import type { PanelOpening, PanelView } from '@/lib/messages';
import { backgroundTranslator } from './ui-locale';

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type Notify = (payload: { tabId?: number; view?: PanelView; item?: string }) => void;

function chromeSidePanel(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}

function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}

/**
 * The one place where Chromium and Firefox differ for the panel. Chromium's `sidePanel.open`
 * accepts the click a content script forwards; Firefox's `sidebarAction.open` only runs inside a
 * user action it sees itself (toolbar button, menu, keyboard command) and refuses a message a
 * page's click sent (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions).
 * When a browser refuses, the answer says in words what to do instead, with the user's own
 * shortcut, and the page offers the panel in a tab.
 */
export async function openPanel(
  tabId: number | undefined,
  view: PanelView,
  notify: Notify,
  /** After the panel opened: the item it shows, if any (a shared link, checked meanwhile). */
  item?: () => Promise<string | undefined>,
): Promise<PanelOpening> {
  const sidePanel = chromeSidePanel();
  const sidebar = sidePanel === undefined ? firefoxSidebar() : undefined;
  try {
    // Called before anything is awaited: a user gesture does not survive an `await`.
    const opening = sidePanel && tabId !== undefined ? sidePanel.open({ tabId }) : sidebar?.open();
    if (opening === undefined) throw new Error('this browser has no side panel');
    await opening;
  } catch (error) {
    console.warn('Waymark: the side panel could not be opened', error);
    return {
      opened: false,
      instead: insteadOfPanel(
        sidebar !== undefined,
        await shortcut(),
        await backgroundTranslator(),
      ),
    };
  }
  const id = await item?.();
  await rememberView(view, id);
  notify({
    ...(tabId === undefined ? {} : { tabId }),
    view,
    ...(id === undefined ? {} : { item: id }),
  });
  return { opened: true };
}

/** The panel page in a tab beside `tabId`, pinned to it: where a browser refused its sidebar. */
export async function openPanelInTab(tabId: number, view: PanelView): Promise<{ opened: boolean }> {
  await rememberView(view);
  await browser.tabs.create({
    url: browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`),
    openerTabId: tabId,
  });
  return { opened: true };
}

/** A panel that was closed reads this when it starts; an open one gets the `panel:show` message. */
async function rememberView(view: PanelView, item?: string): Promise<void> {
  await browser.storage.session?.set({
    pendingPanelView: { view, at: Date.now(), ...(item === undefined ? {} : { item }) },
  });
}

/** The key the user has for "Search Waymark" (they may have changed or removed it). */
async function shortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'open-search')?.shortcut || undefined;
  } catch {
    return undefined;
  }
}

/** What to do when the browser would not open the panel from the page, in the user's words. */
export function insteadOfPanel(
  firefox: boolean,
  key: string | undefined,
  t: Translate = translator('en'),
): string {
  if (key === undefined) return t(firefox ? 'bg.panel.firefox' : 'bg.panel.refused');
  return t(firefox ? 'bg.panel.firefoxKey' : 'bg.panel.refusedKey', {
    key: key.replaceAll('+', ' + '),
  });
}
