import { nameOf } from './element-label';
import { s } from './strings';
import { viewportRect } from './geometry';

/**
 * A lesson step's highlight: a ring around the step's element with a callout naming it, following
 * scroll and resize. It never outstays its welcome: Esc, a click anywhere, the next step, leaving
 * the lesson and navigating all clear it.
 */
export class Highlight {
  #box: HTMLElement | undefined;
  #callout: HTMLElement | undefined;
  #element: Element | undefined;
  #frame = 0;

  constructor(
    private readonly layer: HTMLElement,
    signal: AbortSignal,
  ) {
    const schedule = () => this.#schedule();
    const clear = (event: Event) => event.isTrusted && this.clear();
    window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    window.addEventListener('resize', schedule, { passive: true, signal });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && clear(e), {
      capture: true,
      signal,
    });
    document.addEventListener('pointerdown', clear, { capture: true, passive: true, signal });
    signal.addEventListener('abort', () => this.clear());
  }

  get shown(): boolean {
    return this.#box !== undefined;
  }

  /** Rings `element`; the callout names it (its label as shown), then `note` (e.g. the step). */
  show(element: Element, note = ''): void {
    this.clear();
    this.#element = element;
    this.#box = document.createElement('div');
    this.#box.className = 'highlight';
    this.#callout = document.createElement('div');
    this.#callout.className = 'callout';
    this.#callout.setAttribute('role', 'status');
    const name = document.createElement('strong');
    name.textContent = nameOf(element) || s('page.highlight.here');
    const hint = document.createElement('span');
    hint.textContent = [note, s('page.highlight.esc')].filter(Boolean).join(' · ');
    this.#callout.append(name, hint);
    this.layer.append(this.#box, this.#callout);
    // A reader who asked for less motion gets there at once, not by a glide.
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    this.#schedule();
  }

  clear(): void {
    this.#box?.remove();
    this.#callout?.remove();
    this.#box = this.#callout = this.#element = undefined;
  }

  #schedule(): void {
    if (this.#frame !== 0 || this.#box === undefined) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#box === undefined || !this.#element?.isConnected) return this.clear();
      const rect = viewportRect(this.#element);
      Object.assign(this.#box.style, {
        left: `${rect.left - 4}px`,
        top: `${rect.top - 4}px`,
        width: `${rect.width + 8}px`,
        height: `${rect.height + 8}px`,
      });
      const above = rect.top > 48;
      Object.assign(this.#callout!.style, {
        left: `${Math.max(8, rect.left - 4)}px`,
        top: above ? `${rect.top - 42}px` : `${rect.bottom + 10}px`,
      });
    });
  }
}
