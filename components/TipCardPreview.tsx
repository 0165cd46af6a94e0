import { useEffect, useRef } from 'react';
import { TipCard } from '@/entrypoints/page.content/tip-card';
import { setPageStrings } from '@/entrypoints/page.content/strings';
import { STYLE } from '@/entrypoints/page.content/styles';
import { pageStrings } from '@/lib/i18n';
import { useI18n } from './I18nProvider';
import type { InPageTip } from '@/lib/messages';

/**
 * A tip card drawn by the content script's own code (TipCard, its stylesheet, the DOM-only
 * Markdown renderer) inside a shadow root, so an author previews exactly what learners get. The
 * frame's `transform` makes the card's `position: fixed` relative to the frame, not the panel.
 */
export function TipCardPreview({ tip }: { tip: InPageTip }) {
  const { t, locale } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    // The shadow host is a child of the frame: the stylesheet's `:host` rules (fixed, 0×0, on
    // top) then hold inside the frame, whose transform is their containing block.
    const shadowHost = document.createElement('div');
    element.replaceChildren(shadowHost);
    const root = shadowHost.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    // The card's words, in the author's language, as the background would send them to a page.
    const { lang, dir, strings } = pageStrings(locale);
    setPageStrings(lang, strings);
    const layer = document.createElement('div');
    layer.className = 'layer';
    layer.dir = dir;
    const target = document.createElement('span');
    target.style.cssText = 'position:absolute;left:12px;top:8px;width:120px;height:24px;';
    const beacon = document.createElement('span');
    beacon.className = 'beacon';
    beacon.style.cssText = 'left:4px;top:10px;';
    layer.append(target, beacon);
    root.append(style, layer);
    const controller = new AbortController();
    // The card takes focus when it opens (for keyboard users on the page); here the author is
    // typing, so focus goes back where it was.
    const focused = document.activeElement;
    new TipCard(
      layer,
      { onDismiss: () => undefined, onMore: () => undefined },
      controller.signal,
    ).open({ ...tip, placement: 'bottom' }, target, beacon);
    if (focused instanceof HTMLElement) focused.focus();
    // The card was placed against the panel's viewport (which may not show the frame); in the
    // frame it sits below the stand-in element, where it would on the page.
    const card = layer.querySelector<HTMLElement>('.card');
    const arrow = card?.querySelector<HTMLElement>('.arrow');
    if (card) Object.assign(card.style, { left: '12px', top: '40px' });
    // Its arrow points up at the stand-in beacon.
    if (arrow) {
      arrow.dataset.side = 'bottom';
      arrow.style.cssText = 'left:16px';
    }
    return () => controller.abort();
  }, [tip, locale]);
  return <div ref={host} className="tip-preview" role="img" aria-label={t('preview.card')} />;
}
