import { renderMarkdownToDom } from '@/lib/markdown/render-dom';
import { s } from './strings';
import type { InPageTip } from '@/lib/messages';
import { placeCard } from './card-place';
import { viewportRect } from './geometry';

export interface TipCardActions {
  onDismiss(tip: InPageTip): void;
  onMore(tip: InPageTip): void;
  /** "Helpful?" yes / no; absent for previews (nothing is recorded). */
  onRate?(tip: InPageTip, helpful: boolean): void;
}

/**
 * The card a beacon opens: title, the tip's Markdown as DOM (never HTML), "Helpful?", "More" and
 * "Got it". It sits beside its beacon with an arrow pointing at it (card-place.ts), off the next
 * field where it can.
 */
export class TipCard {
  #card: HTMLElement | undefined;
  #arrow: HTMLElement | undefined;
  #tip: InPageTip | undefined;
  #target: Element | undefined;
  #opener: HTMLElement | undefined;
  /** Where the last card was: "Undo" appears there, on ground the card already covered. */
  lastSpot: { left: number; top: number } | undefined;

  constructor(
    private readonly layer: HTMLElement,
    private readonly actions: TipCardActions,
    signal: AbortSignal,
  ) {
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.close(this.#opener), {
      signal,
      capture: true,
    });
    signal.addEventListener('abort', () => this.close());
  }

  get openTipId(): string | undefined {
    return this.#tip?.id;
  }

  open(tip: InPageTip, target: Element, opener: HTMLElement): void {
    this.close();
    const card = document.createElement('section');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', tip.title);
    const title = document.createElement('h2');
    title.textContent = tip.title;
    const body = document.createElement('div');
    // Content is in its author's language: its direction is its own, not the UI's. (The title's
    // box keeps the UI's direction, page.css, so its room for × stays on the ×'s side.)
    body.dir = 'auto';
    body.append(renderMarkdownToDom(tip.body, document));
    const close = this.#button('×', 'close', () => this.close(opener));
    close.setAttribute('aria-label', s('page.tip.close'));
    const actions = document.createElement('div');
    actions.className = 'actions';
    if (this.actions.onRate) actions.append(this.#rating(tip));
    actions.append(
      this.#button(s('page.tip.more'), '', () => this.actions.onMore(tip), s('page.tip.moreLabel')),
      this.#button(s('page.tip.gotIt'), 'primary', () => {
        this.close();
        this.actions.onDismiss(tip);
      }),
    );
    const arrow = document.createElement('span');
    arrow.className = 'arrow';
    // The card itself does not clip, so the arrow can stand out of its edge; its inside scrolls.
    const inside = document.createElement('div');
    inside.className = 'inside';
    inside.append(close, title, body, actions);
    card.append(arrow, inside);
    this.layer.append(card);
    [this.#card, this.#arrow, this.#tip, this.#target, this.#opener] = [
      card,
      arrow,
      tip,
      target,
      opener,
    ];
    this.reposition();
    close.focus();
  }

  reposition(): void {
    const [card, arrow, tip, target] = [this.#card, this.#arrow, this.#tip, this.#target];
    if (!card || !arrow || !tip || !target) return;
    const rect = viewportRect(target);
    const mark = this.#opener?.getBoundingClientRect();
    const beacon =
      mark && mark.width > 0
        ? { x: mark.left + mark.width / 2, y: mark.top + mark.height / 2 }
        : { x: rect.right, y: rect.top };
    const size = { width: card.offsetWidth, height: card.offsetHeight };
    const place = placeCard(rect, beacon, size, tip.placement);
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    arrow.dataset.side = place.side;
    arrow.style.cssText =
      place.side === 'left' || place.side === 'right'
        ? `top:${place.arrow}px`
        : `left:${place.arrow}px`;
  }

  close(returnFocusTo?: HTMLElement): void {
    if (this.#card) this.lastSpot = { left: this.#card.offsetLeft, top: this.#card.offsetTop };
    this.#card?.remove();
    this.#card = this.#arrow = this.#opener = undefined;
    this.#tip = undefined;
    this.#target = undefined;
    returnFocusTo?.focus();
  }

  #rating(tip: InPageTip): HTMLElement {
    const group = document.createElement('span');
    group.className = 'rate';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', s('page.tip.helpfulGroup'));
    group.textContent = s('page.tip.helpful');
    const pick = (helpful: boolean) => () => {
      yes.setAttribute('aria-pressed', String(helpful));
      no.setAttribute('aria-pressed', String(!helpful));
      this.actions.onRate?.(tip, helpful);
    };
    const yes = this.#button(s('page.tip.yes'), 'small', pick(true));
    const no = this.#button(s('page.tip.no'), 'small', pick(false));
    group.append(yes, no);
    return group;
  }

  #button(label: string, className: string, onClick: () => void, name?: string) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    if (name) button.setAttribute('aria-label', name);
    if (className) button.className = className;
    button.addEventListener('click', (event) => event.isTrusted && onClick());
    return button;
  }
}
