import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSharedItem, sharedItemOf } from './shared-link';

const SERVER = 'https://waymark.example.com';
const connectTo = (serverUrl: string) =>
  fakeBrowser.storage.local.set({ account: { serverUrl, token: 'wmk_t' } });

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('sharedItemOf', () => {
  it('reads the item id and origin from a shared link’s URL', () => {
    expect(sharedItemOf(`${SERVER}/i/refund-policy`)).toEqual({
      origin: SERVER,
      id: 'refund-policy',
    });
  });

  it.each([
    [`${SERVER}/i/refund-policy/extra`],
    [`${SERVER}/insights/i/refund-policy`],
    [`${SERVER}/i/Refund_Policy`],
    [`${SERVER}/i/`],
    ['not a url'],
    [undefined],
  ])('finds no item in %s', (url) => {
    expect(sharedItemOf(url)).toBeUndefined();
  });
});

describe('openSharedItem', () => {
  it('opens the panel before anything is awaited, then shows the item of the connected server’s page', async () => {
    await connectTo(`${SERVER}/`);
    const open = vi.fn(() => Promise.resolve());
    vi.stubGlobal('chrome', { sidePanel: { open } });
    const notify = vi.fn();
    const opening = openSharedItem(
      { id: 'x', url: `${SERVER}/i/refund-policy`, tab: { id: 4 } },
      'refund-policy',
      notify,
    );
    // Synchronously, in the click's turn: Chrome honours the user gesture only until an await.
    expect(open).toHaveBeenCalledWith({ tabId: 4 });
    expect(await opening).toEqual({ opened: true });
    expect(notify).toHaveBeenCalledWith({ tabId: 4, view: 'page', item: 'refund-policy' });
  });

  it.each([
    ['another server', 'https://evil.example.com/i/refund-policy', 'refund-policy'],
    ['another item than the page names', `${SERVER}/i/refund-policy`, 'admin-secrets'],
    ['a page that is not a shared link', `${SERVER}/insights/gaps`, 'refund-policy'],
  ])('opens the panel but shows no item for %s', async (_what, url, id) => {
    await connectTo(SERVER);
    vi.stubGlobal('chrome', { sidePanel: { open: vi.fn(() => Promise.resolve()) } });
    const notify = vi.fn();
    expect(await openSharedItem({ id: 'x', url, tab: { id: 4 } }, id, notify)).toEqual({
      opened: true,
    });
    expect(notify).toHaveBeenCalledWith({ tabId: 4, view: 'page' });
  });

  it('opens the item in a tab and says why where the browser refuses its sidebar (Firefox)', async () => {
    await connectTo(SERVER);
    vi.stubGlobal('chrome', {});
    Object.assign(fakeBrowser, {
      sidebarAction: { open: () => Promise.reject(new Error('not from a user input handler')) },
    });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const answer = await openSharedItem(
      { id: 'x', url: `${SERVER}/i/refund-policy`, tab: { id: 4 } },
      'refund-policy',
      vi.fn(),
    );
    delete (fakeBrowser as { sidebarAction?: unknown }).sidebarAction;
    expect(answer).toEqual({
      opened: false,
      instead:
        'Firefox opens the Waymark sidebar only from its own controls, so the item opened in a tab. To read it in the sidebar, choose Waymark in Firefox’s sidebar (View › Sidebar) and search for it.',
    });
    expect(created).toHaveBeenCalledWith({
      url: expect.stringMatching(/\/sidepanel\.html\?item=refund-policy$/) as string,
      openerTabId: 4,
    });
  });
});
