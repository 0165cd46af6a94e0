import { viewportRect } from './geometry';

/** A lesson step's highlight: a ring around the step's element, following scroll and resize. */
export class Highlight {
  #box: HTMLElement | undefined;
  #element: Element | undefined;
  #frame = 0;

  constructor(
    private readonly layer: HTMLElement,
    signal: AbortSignal,
  ) {
    const schedule = () => this.#schedule();
    window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    window.addEventListener('resize', schedule, { passive: true, signal });
    signal.addEventListener('abort', () => this.clear());
  }

  show(element: Element): void {
    this.clear();
    this.#element = element;
    this.#box = document.createElement('div');
    this.#box.className = 'highlight';
    this.layer.append(this.#box);
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.#schedule();
  }

  clear(): void {
    this.#box?.remove();
    this.#box = undefined;
    this.#element = undefined;
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
    });
  }
}
