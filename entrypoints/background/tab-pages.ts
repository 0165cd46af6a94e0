import type { Detection } from '@/lib/context';
import { memoryTabPages, type TabPages } from '@/lib/knowledge';

/**
 * Tab detections in `storage.session`: kept across service-worker restarts, in memory only (never
 * written to disk), gone when the browser closes. Falls back to memory where the area is missing.
 */
export function sessionTabPages(): TabPages {
  const area = browser.storage.session;
  if (area === undefined) return memoryTabPages();
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    get: async (tabId) => (await area.get(key(tabId)))[key(tabId)] as Detection | undefined,
    set: (tabId, detection) => area.set({ [key(tabId)]: detection }),
    delete: (tabId) => area.remove(key(tabId)),
  };
}
