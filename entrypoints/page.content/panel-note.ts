import { s } from './strings';
/**
 * When the browser will not open Waymark's side panel from a click in the page (Firefox only opens
 * its sidebar from its own controls), this note says what to do instead — the words come from the
 * background, which knows the browser and the user's shortcut — and offers the panel in a tab.
 */
export class PanelNote {
  #note: HTMLElement | undefined;

  constructor(
    private readonly layer: HTMLElement,
    private readonly onOpenInTab: () => void,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.hide());
  }

  show(instead: string): void {
    this.hide();
    const note = document.createElement('div');
    note.className = 'panel-note';
    note.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = instead;
    const actions = document.createElement('div');
    actions.className = 'actions';
    const open = this.#button(s('page.note.openTab'), 'primary', () => {
      this.hide();
      this.onOpenInTab();
    });
    const close = this.#button(s('page.note.close'), '', () => this.hide());
    actions.append(open, close);
    note.append(text, actions);
    note.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide(), {
      signal: this.signal,
    });
    this.layer.append(note);
    this.#note = note;
    open.focus();
  }

  hide(): void {
    this.#note?.remove();
    this.#note = undefined;
  }

  #button(label: string, className: string, onClick: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    if (className) button.className = className;
    // Events a page script synthesises are not the user's: never act on them.
    button.addEventListener('click', (event) => event.isTrusted && onClick(), {
      signal: this.signal,
    });
    return button;
  }
}
