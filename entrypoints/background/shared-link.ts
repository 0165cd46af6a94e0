import { slugSchema } from '@/lib/content-model';
import type { PanelOpening } from '@/lib/messages';
import type { SenderInfo } from '@/lib/runtime/router';
import { staticFeedBase } from '@/lib/sync';
import { readAccount } from './account';
import { openPanel } from './panel';
import { packagePaths } from './server-apps';
import { backgroundTranslator } from './ui-locale';

const SCRIPT_ID = 'waymark-share';
type Notify = Parameters<typeof openPanel>[2];

/** The item a shared-link page is about (`https://server/i/<id>`), from the URL the browser gave. */
export function sharedItemOf(url: string | undefined): { origin: string; id: string } | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    const match = /^\/i\/([^/]+)$/.exec(parsed.pathname);
    const id = match?.[1];
    if (id === undefined || !slugSchema.safeParse(id).success) return undefined;
    return { origin: parsed.origin, id };
  } catch {
    return undefined;
  }
}

/** Whether `origin` is the content server the extension is connected to. */
async function isConnectedServer(origin: string): Promise<boolean> {
  const account = await readAccount();
  return account !== undefined && new URL(account.serverUrl).origin === origin;
}

/**
 * "Open in the Waymark side panel" on a shared link's page. The panel opens at once, before
 * anything is awaited (Chrome honours the click only until then); the item is shown only when the
 * page that asked is `/i/<that id>` on the connected content server — the share script runs only
 * there, and the sender's URL comes from the browser, not the page. Where the browser refuses to
 * open its sidebar from a page (Firefox), the panel page opens in a tab with the item instead,
 * and the answer says so.
 */
export function openSharedItem(
  sender: SenderInfo,
  id: string,
  notify: Notify,
): Promise<PanelOpening> {
  const shared = sharedItemOf(sender.url);
  const forThisPage = shared !== undefined && shared.id === id;
  const checked = async () =>
    forThisPage && (await isConnectedServer(shared.origin)) ? id : undefined;
  const opening = openPanel(sender.tab?.id, 'page', notify, checked);
  return opening.then(async (result) => {
    if (result.opened) return result;
    const item = await checked();
    if (item === undefined) return result;
    await browser.tabs.create({
      url: browser.runtime.getURL(`/sidepanel.html?item=${encodeURIComponent(item)}`),
      ...(sender.tab?.id === undefined ? {} : { openerTabId: sender.tab.id }),
    });
    return { opened: false, instead: (await backgroundTranslator())('bg.share.inTab') };
  });
}

/**
 * Registers the share script for `/i/*` pages of the connected content server; signing out (or a
 * static feed, which has no such pages) removes it. The browser injects it only where the user
 * granted the extension the server's origin (connecting asks for it) or the origin is one Waymark
 * already runs on, so the registration itself grants nothing.
 */
export async function refreshShareScript(): Promise<void> {
  const account = await readAccount();
  const origin =
    account === undefined || staticFeedBase(account.serverUrl) !== undefined
      ? undefined
      : new URL(account.serverUrl).origin;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origin === undefined) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: [`${origin}/i/*`],
      js: packagePaths(['content-scripts/share.js'], browser.runtime.getURL('/')),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
