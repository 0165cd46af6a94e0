/**
 * "Read" means at least READ_ACTIVE_MS of *active* time on an item, not a mere open. Time is
 * active while the panel showing the item is visible and focused and the user did something in it
 * (opened it, scrolled, pressed a key, moved the pointer, clicked) within the last READ_IDLE_MS:
 * a panel left open beside the work, or hidden, stops counting. Pure; the clock is the caller's.
 */
export const READ_ACTIVE_MS = 10_000;
export const READ_IDLE_MS = 15_000;

export class ReadTimer {
  #active = 0;
  #checkpoint: number;
  #lastInteraction: number;
  #visible: boolean;
  #focused: boolean;

  /** Opening the item is the first interaction. */
  constructor(at: number, state: { visible: boolean; focused: boolean }) {
    this.#checkpoint = at;
    this.#lastInteraction = at;
    this.#visible = state.visible;
    this.#focused = state.focused;
  }

  /** Active time counted up to `at`. */
  activeMs(at: number): number {
    return this.#active + this.#pending(at);
  }

  isRead(at: number): boolean {
    return this.activeMs(at) >= READ_ACTIVE_MS;
  }

  interact(at: number): void {
    this.#settle(at);
    this.#lastInteraction = at;
  }

  visibility(visible: boolean, at: number): void {
    this.#settle(at);
    this.#visible = visible;
    if (visible) this.#lastInteraction = at;
  }

  focus(focused: boolean, at: number): void {
    this.#settle(at);
    this.#focused = focused;
    if (focused) this.#lastInteraction = at;
  }

  /** Active time between the checkpoint and `at` not yet added. */
  #pending(at: number): number {
    if (!this.#visible || !this.#focused || at <= this.#checkpoint) return 0;
    const from = Math.max(this.#checkpoint, this.#lastInteraction);
    const until = Math.min(at, this.#lastInteraction + READ_IDLE_MS);
    return Math.max(0, until - from);
  }

  #settle(at: number): void {
    this.#active += this.#pending(at);
    this.#checkpoint = Math.max(this.#checkpoint, at);
  }
}
