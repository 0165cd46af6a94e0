import { AuthoringService, memoryPendingPicks, type PendingPicks } from '@/lib/authoring';
import type { WaymarkDatabase } from '@/lib/db';
import type { TabPages } from '@/lib/knowledge';
import { envelope, type PickTarget } from '@/lib/messages';
import { readAccount } from './account';

/** Which draft each tab's picker fills, in `storage.session` (survives a worker restart). */
function sessionPendingPicks(): PendingPicks {
  const area = browser.storage.session;
  if (area === undefined) return memoryPendingPicks();
  const key = (tabId: number) => `pick:${tabId}`;
  return {
    get: async (tabId) =>
      (await area.get(key(tabId)))[key(tabId)] as
        { draftKey: string; target: PickTarget } | undefined,
    set: (tabId, pick) => area.set({ [key(tabId)]: pick }),
    delete: (tabId) => area.remove(key(tabId)),
  };
}

export function createAuthoring(db: WaymarkDatabase, tabs: TabPages): AuthoringService {
  return new AuthoringService({
    db,
    account: readAccount,
    fetch: (url, init) => globalThis.fetch(url, init),
    tabs,
    picks: sessionPendingPicks(),
    now: () => new Date(),
    newKey: () => crypto.randomUUID(),
    draftChanged: (draftKey) =>
      void browser.runtime
        .sendMessage(envelope('panel:draft-changed', { draftKey }))
        .catch(() => undefined),
  });
}
