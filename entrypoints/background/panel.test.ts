import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator } from '@/lib/i18n';
import { insteadOfPanel, openPanel, openPanelInTab } from './panel';

type Open = () => Promise<void>;
/** Firefox: `browser.sidebarAction`, and a `chrome` namespace without `sidePanel`. */
const withFirefoxSidebar = (open: Open) => {
  vi.stubGlobal('chrome', {});
  Object.assign(fakeBrowser, { sidebarAction: { open: vi.fn(open) } });
};
const withChromeSidePanel = (open: Open) =>
  vi.stubGlobal('chrome', { sidePanel: { open: vi.fn(open) } });
const shortcut = (key: string) => {
  const commands = [{ name: 'open-search', description: 'Search Waymark', shortcut: key }];
  // getAll is overloaded (promise or callback); spyOn types the callback form, hence the cast.
  vi.spyOn(fakeBrowser.commands, 'getAll').mockReturnValue(Promise.resolve(commands) as never);
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  delete (fakeBrowser as { sidebarAction?: unknown }).sidebarAction;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('openPanel', () => {
  it('says what to do instead, with the user’s shortcut, when Firefox refuses its sidebar', async () => {
    withFirefoxSidebar(() =>
      Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')),
    );
    shortcut('Ctrl+Alt+K');
    const notify = vi.fn();
    const opening = await openPanel(7, 'page', notify);
    expect(opening).toEqual({
      opened: false,
      instead:
        'Firefox opens the Waymark sidebar only from its own controls: press Ctrl + Alt + K, or choose Waymark in Firefox’s sidebar (View › Sidebar). Or open the panel in a tab.',
    });
    expect(notify).not.toHaveBeenCalled();
  });

  it('opens Firefox’s sidebar from a user action and tells the panel which view to show', async () => {
    withFirefoxSidebar(() => Promise.resolve());
    const notify = vi.fn();
    expect(await openPanel(7, 'search', notify)).toEqual({ opened: true });
    expect(notify).toHaveBeenCalledWith({ tabId: 7, view: 'search' });
    const { pendingPanelView } = await fakeBrowser.storage.session.get('pendingPanelView');
    expect(pendingPanelView).toMatchObject({ view: 'search' });
  });

  it('says what to do instead when Chrome’s side panel throws', async () => {
    withChromeSidePanel(() => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    shortcut('Alt+Shift+W');
    expect(await openPanel(3, 'page', vi.fn())).toEqual({
      opened: false,
      instead:
        'The browser did not open the side panel: press Alt + Shift + W, or open the panel in a tab.',
    });
  });

  it('opens Chrome’s side panel for the tab', async () => {
    withChromeSidePanel(() => Promise.resolve());
    const notify = vi.fn();
    expect(await openPanel(3, 'page', notify)).toEqual({ opened: true });
    expect(notify).toHaveBeenCalledWith({ tabId: 3, view: 'page' });
  });

  it('offers the panel in a tab when the browser has no side panel at all', async () => {
    vi.stubGlobal('chrome', {});
    shortcut('');
    const opening = await openPanel(3, 'page', vi.fn());
    expect(opening).toEqual({
      opened: false,
      instead: 'The browser did not open the side panel. Open the panel in a tab instead.',
    });
  });
});

describe('insteadOfPanel', () => {
  it('leaves the shortcut out when the user has none', () => {
    expect(insteadOfPanel(true, undefined)).toBe(
      'Firefox opens the Waymark sidebar only from its own controls: choose Waymark in Firefox’s sidebar (View › Sidebar). Or open the panel in a tab.',
    );
    expect(insteadOfPanel(false, 'Alt+Shift+W')).toBe(
      'The browser did not open the side panel: press Alt + Shift + W, or open the panel in a tab.',
    );
  });

  it('says it in the user’s language', () => {
    expect(insteadOfPanel(false, 'Alt+Shift+W', translator('de'))).toBe(
      'Der Browser hat die Seitenleiste nicht geöffnet: Drücken Sie Alt + Shift + W, oder öffnen Sie das Panel in einem Tab.',
    );
  });
});

describe('openPanelInTab', () => {
  it('opens the panel page pinned to the tab, beside it, and remembers the view', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openPanelInTab(12, 'page')).toEqual({ opened: true });
    expect(create).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL('/sidepanel.html?tab=12'),
      openerTabId: 12,
    });
    const { pendingPanelView } = await fakeBrowser.storage.session.get('pendingPanelView');
    expect(pendingPanelView).toMatchObject({ view: 'page' });
  });
});
