/**
 * Something the background keeps per tab (where the tab is, which draft its picker fills). The
 * background keeps it in `storage.session`, which survives a service-worker restart and never
 * reaches disk; tests use the in-memory one.
 */
export interface TabStore<T> {
  get(tabId: number): Promise<T | undefined>;
  set(tabId: number, value: T): Promise<void>;
  delete(tabId: number): Promise<void>;
}

export function memoryTabStore<T>(): TabStore<T> {
  const map = new Map<number, T>();
  return {
    get: (tabId) => Promise.resolve(map.get(tabId)),
    set: (tabId, value) => Promise.resolve(void map.set(tabId, value)),
    delete: (tabId) => Promise.resolve(void map.delete(tabId)),
  };
}
