import type { Detection } from '@/lib/context';

/**
 * Where each tab is, as its content script last reported. Kept in `storage.session` by the
 * background (it survives a service-worker restart, never reaches disk); a Map in tests.
 */
export interface TabPages {
  get(tabId: number): Promise<Detection | undefined>;
  set(tabId: number, detection: Detection): Promise<void>;
  delete(tabId: number): Promise<void>;
}

export function memoryTabPages(): TabPages {
  const map = new Map<number, Detection>();
  return {
    get: (tabId) => Promise.resolve(map.get(tabId)),
    set: (tabId, detection) => Promise.resolve(void map.set(tabId, detection)),
    delete: (tabId) => Promise.resolve(void map.delete(tabId)),
  };
}
