import { renderMarkdownToDom } from '@/lib/markdown/render-dom';
import type { InPageTip } from '@/lib/messages';
import { placeNear, viewportRect } from './geometry';

export interface TipCardActions {
  onDismiss(tip: InPageTip): void;
  onMore(tip: InPageTip): void;
}

/** The card a beacon opens: title, the tip's Markdown as DOM (never HTML), dismiss and "more". */
export class TipCard {
  #card: HTMLElement | undefined;
  #tip: InPageTip | undefined;
  #target: Element | undefined;

  constructor(
    private readonly layer: HTMLElement,
    private readonly actions: TipCardActions,
    signal: AbortSignal,
  ) {
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.close(), {
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
    body.append(renderMarkdownToDom(tip.body, document));
    const close = this.#button('×', 'close', () => this.close(opener));
    close.setAttribute('aria-label', 'Close tip');
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(
      this.#button('More in Waymark', '', () => this.actions.onMore(tip)),
      this.#button('Got it', 'primary', () => {
        this.close();
        this.actions.onDismiss(tip);
      }),
    );
    card.append(close, title, body, actions);
    this.layer.append(card);
    [this.#card, this.#tip, this.#target] = [card, tip, target];
    this.reposition();
    close.focus();
  }

  reposition(): void {
    if (this.#card === undefined || this.#target === undefined || this.#tip === undefined) return;
    const size = { width: this.#card.offsetWidth, height: this.#card.offsetHeight };
    const { left, top } = placeNear(viewportRect(this.#target), size, this.#tip.placement);
    this.#card.style.left = `${left}px`;
    this.#card.style.top = `${top}px`;
  }

  close(returnFocusTo?: HTMLElement): void {
    this.#card?.remove();
    [this.#card, this.#tip, this.#target] = [undefined, undefined, undefined];
    returnFocusTo?.focus();
  }

  #button(label: string, className: string, onClick: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    if (className) button.className = className;
    button.addEventListener('click', (event) => event.isTrusted && onClick());
    return button;
  }
}
