import { STYLE } from './styles';

/**
 * Closed in every shipped build (ADR 0001). Only a build made with WXT_OPEN_SHADOW=1 (the
 * accessibility audit's, which axe must be able to enter) opens it; a test checks the shipped
 * build's script has no open shadow root.
 */
const SHADOW_MODE: ShadowRootMode = import.meta.env.WXT_OPEN_SHADOW === '1' ? 'open' : 'closed';

/** The one element Waymark adds to a page: a host with a closed shadow root holding a fixed layer. */
export interface UiRoot {
  layer: HTMLElement;
  /** The element in the page (what `elementsFromPoint` returns over our UI). */
  host: HTMLElement;
  /** Closed: only we hold it (its `activeElement` says where focus is inside our UI). */
  shadow: ShadowRoot;
  remove(): void;
}

/**
 * `lang` and `dir` go on the host (they inherit into the shadow tree, and the page's own `dir`
 * must not flip our UI): Arabic's in-page UI reads right to left whatever the page does.
 */
export function mountUiRoot(
  signal: AbortSignal,
  language: { lang: string; dir: 'ltr' | 'rtl' } = { lang: 'en', dir: 'ltr' },
): UiRoot {
  const host = document.createElement('waymark-root');
  host.lang = language.lang;
  host.dir = language.dir;
  const shadow = host.attachShadow({ mode: SHADOW_MODE });
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
