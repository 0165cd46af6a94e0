import { placeNear, viewportRect } from './geometry';
import { s } from './strings';

/** How long the "Anchored ✓" (or warning) note stays next to the chosen element. */
const CONFIRM_MS = 4000;

/**
 * What the element picker draws in Waymark's layer: a box and a label over the element under the
 * pointer, a banner saying what to do (with a Cancel button), and after a pick a short note saying
 * whether the element will be found again. It only draws; the picker decides what to draw.
 */
export class PickOverlay {
  readonly #box = part('div', 'pick-box');
  readonly #label = part('div', 'pick-label');
  readonly #banner = part('div', 'pick-banner');
  #note: HTMLElement | undefined;
  #noteTimer = 0;

  constructor(
    private readonly layer: HTMLElement,
    onCancel: (event: Event) => void,
    signal: AbortSignal,
  ) {
    this.#banner.setAttribute('role', 'status');
    const text = part('span', 'text');
    text.textContent = s('page.pick.banner');
    const cancel = part('button', 'cancel');
    cancel.setAttribute('type', 'button');
    cancel.textContent = s('page.pick.cancel');
    cancel.addEventListener('click', onCancel, { signal });
    this.#banner.append(text, cancel);
    signal.addEventListener('abort', () => {
      this.hide();
      this.clearNote();
    });
  }

  /** Shows the banner (no box until something is hovered). */
  show(): void {
    this.clearNote();
    this.#box.hidden = true;
    this.#label.hidden = true;
    this.layer.append(this.#box, this.#label, this.#banner);
  }

  /** Frames `element`, or hides the box when there is nothing (left) to frame. */
  frame(element: Element | undefined, label: string): void {
    const rect = element?.isConnected ? viewportRect(element) : undefined;
    this.#box.hidden = this.#label.hidden = rect === undefined;
    if (rect === undefined) return;
    Object.assign(this.#box.style, {
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    });
    this.#label.textContent = label;
    // The label sits above the box, or inside its top edge when the box touches the viewport's top.
    this.#label.style.left = `${Math.max(0, rect.left)}px`;
    this.#label.style.top = `${rect.top >= 22 ? rect.top - 22 : Math.max(0, rect.top)}px`;
    // The banner moves to the top while the element is behind it at the bottom.
    this.#banner.classList.toggle('top', rect.bottom > window.innerHeight - 64);
  }

  hide(): void {
    this.#box.remove();
    this.#label.remove();
    this.#banner.remove();
  }

  /** Tells the author, next to the element, whether its anchor finds it again. */
  confirm(element: Element, resolves: boolean): void {
    this.clearNote();
    const note = part('div', resolves ? 'pick-note' : 'pick-note warn');
    note.setAttribute('role', resolves ? 'status' : 'alert');
    note.textContent = resolves ? s('page.pick.anchored') : s('page.pick.notFound');
    this.layer.append(note);
    const size = { width: note.offsetWidth, height: note.offsetHeight };
    const { left, top } = placeNear(viewportRect(element), size, 'auto');
    note.style.left = `${left}px`;
    note.style.top = `${top}px`;
    this.#note = note;
    this.#noteTimer = window.setTimeout(() => this.clearNote(), CONFIRM_MS);
  }

  /** Takes the "Anchored" note away (something else now shows on the element). */
  clearNote(): void {
    clearTimeout(this.#noteTimer);
    this.#note?.remove();
    this.#note = undefined;
  }
}

function part(tag: string, className: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  return element;
}
