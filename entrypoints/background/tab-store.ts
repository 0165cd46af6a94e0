import { memoryTabStore, type TabStore } from '@/lib/runtime/tab-store';

/**
 * A per-tab value in `storage.session` under `<prefix>:<tabId>`: kept across service-worker
 * restarts, in memory only (never written to disk), gone when the browser closes. Falls back to
 * memory where the area is missing.
 */
export function sessionTabStore<T>(prefix: string): TabStore<T> {
  const area = browser.storage.session;
  if (area === undefined) return memoryTabStore<T>();
  const key = (tabId: number) => `${prefix}:${tabId}`;
  return {
    get: async (tabId) => (await area.get(key(tabId)))[key(tabId)] as T | undefined,
    set: (tabId, value) => area.set({ [key(tabId)]: value }),
    delete: (tabId) => area.remove(key(tabId)),
  };
}
