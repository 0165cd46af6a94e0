import type { PanelView } from '@/lib/messages';

/**
 * Opens the side panel (Chrome's sidePanel, Firefox's sidebar) for a tab, in answer to a user's
 * click or keyboard command — browsers refuse it otherwise — then tells the panel what to show.
 */
function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}

export async function openPanel(
  tabId: number | undefined,
  view: PanelView,
  notify: (payload: { tabId?: number; view?: PanelView }) => void,
): Promise<boolean> {
  const pending = { view, at: Date.now() };
  await browser.storage.session?.set({ pendingPanelView: pending });
  try {
    const chromeSidePanel = (
      globalThis as {
        chrome?: {
          sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
        };
      }
    ).chrome?.sidePanel;
    if (chromeSidePanel && tabId !== undefined) await chromeSidePanel.open({ tabId });
    else if (firefoxSidebar()) await firefoxSidebar()?.open();
    else return false;
  } catch (error) {
    console.warn('Waymark: the side panel could not be opened', error);
    return false;
  }
  notify({ ...(tabId === undefined ? {} : { tabId }), view });
  return true;
}
