import { STYLE } from './styles';

/** The one element Waymark adds to a page: a host with a closed shadow root holding a fixed layer. */
export interface UiRoot {
  layer: HTMLElement;
  /** The element in the page (what `elementsFromPoint` returns over our UI). */
  host: HTMLElement;
  /** Closed: only we hold it (its `activeElement` says where focus is inside our UI). */
  shadow: ShadowRoot;
  remove(): void;
}

export function mountUiRoot(signal: AbortSignal): UiRoot {
  const host = document.createElement('waymark-root');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const layer = document.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  document.documentElement.append(host);

  // A page that clears the document's children (some SPAs do on boot) would drop us: put the host
  // back. Only the root's direct children are observed, never the page's subtree.
  const keep = new MutationObserver(() => {
    if (!host.isConnected) document.documentElement.append(host);
  });
  keep.observe(document.documentElement, { childList: true });
  signal.addEventListener('abort', () => keep.disconnect());

  return {
    layer,
    host,
    shadow,
    remove: () => {
      keep.disconnect();
      host.remove();
    },
  };
}
