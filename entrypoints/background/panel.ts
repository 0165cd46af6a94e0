import type { PanelView } from '@/lib/messages';

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };

function chromeSidePanel(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}

function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}

/**
 * Opens the side panel (Chrome's sidePanel, Firefox's sidebar) for a tab, in answer to a user's
 * click or keyboard command — browsers refuse it otherwise. The call must happen before anything
 * is awaited: the user gesture does not survive an `await`. Then it tells the panel what to show.
 */
export async function openPanel(
  tabId: number | undefined,
  view: PanelView,
  notify: (payload: { tabId?: number; view?: PanelView }) => void,
): Promise<boolean> {
  const sidePanel = chromeSidePanel();
  const opening =
    sidePanel && tabId !== undefined ? sidePanel.open({ tabId }) : firefoxSidebar()?.open();
  if (opening === undefined) return false;
  try {
    await opening;
  } catch (error) {
    console.warn('Waymark: the side panel could not be opened', error);
    return false;
  }
  // A panel that was closed reads this when it starts; an open one gets the message.
  await browser.storage.session?.set({ pendingPanelView: { view, at: Date.now() } });
  notify({ ...(tabId === undefined ? {} : { tabId }), view });
  return true;
}
