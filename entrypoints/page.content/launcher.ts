import type { LauncherChange, LauncherPrefs } from '@/lib/messages';
import { num, s } from './strings';
import { clearSpot, isClear, type Spot } from './clear-spot';
import { optionsButton } from './launcher-options';

/** How often the launcher checks that the page has not put a control under it since. */
const RECHECK_MS = 2_000;
/** A press that moves further than this is a drag, not a click. */
const DRAG_PX = 6;
const DEFAULT_DOCK = { edge: 'right', y: 1 } as const;

export interface LauncherDeps {
  layer: HTMLElement;
  /** Our element in the page: skipped when looking under the launcher. */
  host: Element;
  onOpen(): void;
  /** Saves a change; answers the launcher's state after it. */
  onSave(change: LauncherChange): Promise<LauncherPrefs>;
  /** The launcher went quiet (snoozed, hidden) or came back: tips follow it. */
  onQuiet(quiet: boolean): void;
  signal: AbortSignal;
}

/**
 * The launcher: how many items are relevant now, opening the side panel. It sits on a side edge
 * where it covers none of the page's controls (re-checked on resize, after each re-render the
 * content script notices, and every 2 s), can be dragged to another edge and height, minimised,
 * snoozed or hidden on the site, all from the keyboard too (Alt+arrows move it; the ⋯ menu).
 */
export class Launcher {
  readonly box = document.createElement('div');
  readonly #open = document.createElement('button');
  readonly #count = document.createElement('span');
  /** What the open button is for, in words (its name stays its visible text: WCAG 2.5.3). */
  readonly #about = document.createElement('span');
  /** Says a new count politely (a screen reader user hears that something is relevant now). */
  readonly #announce = document.createElement('span');
  #prefs: LauncherPrefs = { minimised: false, hiddenOnSite: false };
  #spot: Spot | undefined;
  #revealed = false;
  #frame = 0;

  constructor(private readonly deps: LauncherDeps) {
    const { layer, signal } = deps;
    this.box.className = 'launcher';
    this.#open.type = 'button';
    this.#open.className = 'open';
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.textContent = 'Waymark';
    this.#count.className = 'count';
    // The space separates the name's words ("Waymark 4"); the flex layout does not render it.
    this.#open.append(mark, ' ', this.#count);
    this.#about.id = 'waymark-launcher-about';
    this.#about.hidden = true;
    this.#open.setAttribute('aria-describedby', this.#about.id);
    this.#announce.className = 'sr-only';
    this.#announce.setAttribute('role', 'status');
    this.box.append(this.#open, this.#about, this.#announce);
    optionsButton(
      this.box,
      () => this.#prefs,
      (change) => this.#change(change),
      signal,
    );
    layer.append(this.box);
    this.#listen(signal);
    const timer = setInterval(() => this.check(), RECHECK_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
    // No count until the background answers (update): a "0" now would be a claim, not a fact.
  }

  update(n: number, where: string): void {
    const changed = this.box.dataset.count !== String(n);
    this.#count.textContent = num(n);
    this.box.dataset.count = String(n);
    this.box.title = where;
    this.#about.textContent = where
      ? s('page.launcher.labelWhere', { count: n, where })
      : s('page.launcher.label', { count: n });
    if (changed && n > 0) this.#announce.textContent = s('page.launcher.announce', { count: n });
  }

  get prefs(): LauncherPrefs {
    return this.#prefs;
  }

  /** Hidden on this site or snoozed (until the keyboard shortcut reveals it for this visit). */
  get quiet(): boolean {
    const snoozed = (this.#prefs.snoozedUntil ?? 0) > Date.now();
    return !this.#revealed && (this.#prefs.hiddenOnSite || snoozed);
  }

  setPrefs(prefs: LauncherPrefs): void {
    this.#prefs = prefs;
    this.box.classList.toggle('min', prefs.minimised);
    this.place();
    this.deps.onQuiet(this.quiet);
  }

  /** The keyboard shortcut: shown for this visit even if hidden or snoozed, and focused. */
  focus(): void {
    this.#revealed = true;
    this.place();
    this.#open.focus();
  }

  /** Puts the launcher on the nearest clear spot of its edge (or out of sight if none is). */
  place(): void {
    this.box.hidden = this.quiet;
    if (this.box.hidden) return;
    const size = { width: this.box.offsetWidth, height: this.box.offsetHeight };
    const spot = clearSpot(this.#prefs.dock ?? DEFAULT_DOCK, size, this.deps.host);
    this.box.dataset.room = spot === undefined ? 'none' : 'ok';
    if (spot === undefined) return;
    this.#spot = spot;
    this.box.dataset.edge = spot.edge;
    this.box.style.left = `${spot.left}px`;
    this.box.style.top = `${spot.top}px`;
  }

  /** Cheap: looks under the current spot only, and places again when the page put something there. */
  check(): void {
    if (document.hidden || this.box.classList.contains('dragging')) return;
    if (this.box.hidden !== this.quiet) return this.place();
    if (this.box.hidden) return;
    const spot = this.#spot;
    // A new count can widen it: the spot it had may no longer hold it.
    if (spot === undefined || spot.width !== this.box.offsetWidth || !isClear(spot, this.deps.host))
      this.place();
  }

  #change(change: LauncherChange): void {
    if (change.hideOnSite || change.snoozeMinutes) this.#revealed = false;
    // Moves show at once (and add up when keys repeat); the background's answer confirms them.
    if (change.dock) this.setPrefs({ ...this.#prefs, dock: change.dock });
    void this.deps.onSave(change).then((prefs) => {
      this.setPrefs(prefs);
      if (!this.box.hidden) this.#open.focus();
    });
  }

  /** Moves along the edge (Alt+↑/↓) or to the other edge (Alt+←/→). */
  #nudge(key: string): boolean {
    const dock = this.#prefs.dock ?? DEFAULT_DOCK;
    const y = Math.round(dock.y * 10) / 10;
    const moves: Record<string, LauncherPrefs['dock']> = {
      ArrowUp: { edge: dock.edge, y: Math.max(0, y - 0.1) },
      ArrowDown: { edge: dock.edge, y: Math.min(1, y + 0.1) },
      ArrowLeft: { edge: 'left', y: dock.y },
      ArrowRight: { edge: 'right', y: dock.y },
    };
    const to = moves[key];
    if (to === undefined) return false;
    this.#change({ dock: to });
    return true;
  }

  #listen(signal: AbortSignal): void {
    let drag: { x: number; y: number; moved: boolean; dx: number; dy: number } | undefined;
    this.#open.addEventListener(
      'click',
      (event) => {
        // A drag ends in a click, and a page script can synthesise one: neither opens the panel.
        if (event.isTrusted && !this.box.classList.contains('dragged')) this.deps.onOpen();
        this.box.classList.remove('dragged');
      },
      { signal },
    );
    this.#open.addEventListener(
      'keydown',
      (event) => event.altKey && this.#nudge(event.key) && event.preventDefault(),
      { signal },
    );
    this.#open.addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted || event.button !== 0) return;
        const rect = this.box.getBoundingClientRect();
        drag = { x: event.clientX, y: event.clientY, moved: false, dx: rect.left, dy: rect.top };
        this.#open.setPointerCapture(event.pointerId);
      },
      { signal },
    );
    this.#open.addEventListener(
      'pointermove',
      (event) => {
        if (drag === undefined) return;
        const [mx, my] = [event.clientX - drag.x, event.clientY - drag.y];
        if (!drag.moved && Math.hypot(mx, my) < DRAG_PX) return;
        drag.moved = true;
        this.box.classList.add('dragging');
        this.box.style.left = `${drag.dx + mx}px`;
        this.box.style.top = `${drag.dy + my}px`;
      },
      { signal },
    );
    const drop = () => {
      if (drag?.moved) {
        const rect = this.box.getBoundingClientRect();
        const edge = rect.left + rect.width / 2 < innerWidth / 2 ? 'left' : 'right';
        const room = Math.max(1, innerHeight - rect.height - 32);
        const y = Math.min(1, Math.max(0, (rect.top - 16) / room));
        this.box.classList.replace('dragging', 'dragged');
        this.#change({ dock: { edge, y: Math.round(y * 100) / 100 } });
      }
      drag = undefined;
    };
    this.#open.addEventListener('pointerup', drop, { signal });
    this.#open.addEventListener('pointercancel', drop, { signal });
    const schedule = () => {
      if (this.#frame !== 0) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.place();
      });
    };
    window.addEventListener('resize', schedule, { passive: true, signal });
  }
}
