import { AuthoringService, type PendingPick } from '@/lib/authoring';
import type { WaymarkDatabase } from '@/lib/db';
import type { TabPages } from '@/lib/knowledge';
import { envelope } from '@/lib/messages';
import { readAccount } from './account';
import { sessionTabStore } from './tab-store';

export function createAuthoring(db: WaymarkDatabase, tabs: TabPages): AuthoringService {
  return new AuthoringService({
    db,
    account: readAccount,
    fetch: (url, init) => globalThis.fetch(url, init),
    tabs,
    picks: sessionTabStore<PendingPick>('pick'),
    now: () => new Date(),
    newKey: () => crypto.randomUUID(),
    draftChanged: (draftKey) =>
      void browser.runtime
        .sendMessage(envelope('panel:draft-changed', { draftKey }))
        .catch(() => undefined),
  });
}
