import { useBackground } from './use-background';

/**
 * The link "Copy link" gives for an item. Connected to a content server: `https://server/i/<id>`,
 * which opens the item in Waymark's panel where the extension is installed and connected, and on
 * the server's page otherwise (server/dashboard/item-page.ts). With only the starter pack or a
 * static feed (no server to answer /i/): the panel page inside the extension, which works for
 * people with the same extension id (a store or policy install).
 */
export function useItemLink(id: string): string {
  const [account] = useBackground('bg:account', {}, 'account');
  const serverUrl = account.state === 'ready' ? account.value.serverUrl : undefined;
  return itemLink(id, serverUrl, browser.runtime.getURL('/sidepanel.html'));
}

export function itemLink(id: string, serverUrl: string | undefined, panelUrl: string): string {
  const item = encodeURIComponent(id);
  if (serverUrl !== undefined && !/\/head\.json$/i.test(new URL(serverUrl).pathname))
    return `${serverUrl.replace(/\/+$/, '')}/i/${item}`;
  return `${panelUrl}?item=${item}`;
}
